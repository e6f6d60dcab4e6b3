// The delivery probe page's script: keeps every message its handler saw in sessionStorage, so that a test can
// reload the page and still see what the page handled before.
const KEY = 'delivery.received';
window.received = JSON.parse(sessionStorage.getItem(KEY) || '[]');
window.thywill.app.onMessage(data => {
    window.received.push(data);
    sessionStorage.setItem(KEY, JSON.stringify(window.received));
});
