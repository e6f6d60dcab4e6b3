// A page that receives forwarded messages and shows what became of the ones it sent: sending, sent, delivered or
// failed with the reason.
function line(list, text) {
    const item = document.createElement('li');
    item.textContent = text;
    document.getElementById(list).appendChild(item);
    return item;
}
thywill.app.onMessage(data => line('received', data.text));
window.forward = (text, to, via) => {
    const item = line('sent', text + ': sending');
    item.dataset.text = text;
    const sent = thywill.app.send({ text, to, via });
    sent.then(() => { if (item.textContent.endsWith('sending')) item.textContent = text + ': sent'; });
    sent.delivered.then(() => item.textContent = text + ': delivered',
        error => item.textContent = text + ': failed ' + error.reason);
};
