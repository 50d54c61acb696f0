// Passkeys for staff: adding one under Account, signing in with one. A form marked data-passkey stays hidden unless
// this browser has passkeys; then a click asks the server for options (with the form's antiforgery token as a header),
// lets the browser make or use the passkey, and posts the answer with the form.
(() => {
    'use strict';
    const pk = window.PublicKeyCredential;
    if (!pk || !pk.parseCreationOptionsFromJSON || !pk.parseRequestOptionsFromJSON || !navigator.credentials) {
        return;
    }

    const ask = {
        create: (options) => navigator.credentials.create({ publicKey: pk.parseCreationOptionsFromJSON(options) }),
        get: (options) => navigator.credentials.get({ publicKey: pk.parseRequestOptionsFromJSON(options) }),
    };

    for (const form of document.querySelectorAll('form[data-passkey]')) {
        const status = form.querySelector('[data-passkey-status]');
        const button = form.querySelector('button[type=submit]');
        form.hidden = false;
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            if (!form.reportValidity()) {
                return;
            }

            button.disabled = true;
            status.textContent = 'Volg de aanwijzingen van uw browser of apparaat…';
            try {
                // The form's fields go along (the current password, where it is asked for), the token as a header too.
                const response = await fetch(form.dataset.options, {
                    method: 'POST',
                    credentials: 'same-origin',
                    body: new FormData(form),
                    headers: { RequestVerificationToken: form.querySelector('input[name=__RequestVerificationToken]').value },
                });
                if (!response.ok) {
                    const refusal = await response.json().catch(() => null);
                    throw Object.assign(new Error('options ' + response.status), { told: refusal && refusal.message });
                }

                const credential = await ask[form.dataset.passkey](await response.json());
                form.querySelector('input[name=Credential]').value = JSON.stringify(credential);
                status.textContent = '';
                form.submit();
            } catch (error) {
                button.disabled = false;
                status.textContent = error && error.told ? error.told
                    : error && error.name === 'NotAllowedError' ? 'Geannuleerd of niet toegestaan. Probeer het opnieuw.'
                    : 'Dat lukte niet. Probeer het opnieuw, of log in met uw wachtwoord.';
            }
        });
    }
})();
