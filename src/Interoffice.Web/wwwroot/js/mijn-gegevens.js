// The link's code leaves the address bar (history, a shared screen): the button carries it in its form. Without this
// script the code stays there until the button is pressed, after which the browser shows another address anyway.
if (window.location.search) {
    window.history.replaceState(null, '', window.location.pathname);
}
