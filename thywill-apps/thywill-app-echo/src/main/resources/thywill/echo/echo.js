// The echo page: whatever is sent comes back from the server over the Comet connection.
const app = thywill.app;
const [state, form, input, send, replies] = thywill.elements('state', 'form', 'text', 'send', 'replies');

function show(text, kind) {
    const item = document.createElement('li');
    item.textContent = text;
    if (kind) {
        item.className = kind;
    }
    replies.appendChild(item);
}

thywill.onStateChange(s => {
    state.textContent = s;
    send.disabled = s !== 'connected';
});

app.onMessage(data => show(typeof data === 'string' ? data : JSON.stringify(data), 'reply'));
app.onError(error => show(error.code + ': ' + error.message, 'error'));

form.addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value;
    if (text) {
        app.send(text).catch(e => show('not sent: ' + e.message, 'error'));
        input.value = '';
        input.focus();
    }
});
