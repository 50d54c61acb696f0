// Enhances the consent forms, which work without it: the choice is sent in place, the banner closes, and
// the settings open as a modal dialog (focus stays inside, Escape closes, focus returns to the opener).
(() => {
    const d = document;
    const dialog = d.getElementById('consent-dialog');

    d.addEventListener('click', (event) => {
        if (event.target.closest('[data-consent-open]') && dialog && dialog.showModal) {
            event.preventDefault();
            dialog.showModal();
        } else if (event.target.closest('[data-consent-close]') && dialog) {
            dialog.close();
        }
    });

    d.addEventListener('submit', async (event) => {
        const form = event.target;
        if (!form.matches('[data-consent-form]')) return;
        event.preventDefault();
        const body = new FormData(form, event.submitter);
        try {
            const response = await fetch(form.action, {
                method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' },
            });
            if (!response.ok) throw new Error(response.status);
            const choice = await response.json();
            if (choice.consentMode && window.gtag) window.gtag('consent', 'update', choice.consentMode);
            if (dialog && dialog.open) dialog.close();
            d.querySelectorAll('[data-consent-banner]').forEach((element) => element.remove());
            // Consented services start under the next page's Content-Security-Policy, which allows their hosts.
            if (choice.reload) {
                location.reload();
            } else {
                d.getElementById('inhoud')?.focus();
            }
        } catch {
            // Whatever went wrong, the plain form post still records the choice.
            const field = d.createElement('input');
            field.type = 'hidden';
            field.name = 'Choice';
            field.value = event.submitter?.value ?? 'selectie';
            form.append(field);
            HTMLFormElement.prototype.submit.call(form);
        }
    });
})();
