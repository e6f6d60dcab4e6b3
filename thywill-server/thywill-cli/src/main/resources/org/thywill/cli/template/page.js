// Runs after thywill.js, so window.thywill is ready; thywill.app is this page's application.
const app = window.thywill.app;

app.onMessage(message => {
    const li = document.createElement('li');
    li.textContent = message.text;                 // text, never innerHTML
    document.getElementById('heard').appendChild(li);
});

document.getElementById('form').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('text');
    app.send({ text: input.value });
    input.value = '';
});
