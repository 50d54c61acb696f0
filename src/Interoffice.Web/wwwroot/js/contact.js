// Checks the contact form before it leaves the browser, with the server's own Dutch messages. An enhancement only:
// the server checks everything again, and without this script the form works the same.
(() => {
    const form = document.querySelector('form.contact-form');
    if (!form) return;

    const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    const rules = {
        Name: (v) => (v ? '' : 'Vul uw naam in.'),
        Email: (v) => (!v ? 'Vul uw e-mailadres in, zodat wij u kunnen antwoorden.'
            : email.test(v) ? '' : 'Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.'),
        Message: (v) => (v ? '' : 'Schrijf uw bericht.'),
    };

    form.addEventListener('submit', (event) => {
        let first = null;
        for (const [id, check] of Object.entries(rules)) {
            const field = form.elements[id];
            const message = check(field.value.trim());
            document.getElementById(`${id}-fout`).textContent = message;
            if (message) {
                field.setAttribute('aria-invalid', 'true');
                first ??= field;
            } else {
                field.removeAttribute('aria-invalid');
            }
        }

        if (first) {
            event.preventDefault();
            first.focus();
        }
    });
})();
