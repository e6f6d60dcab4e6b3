// The ticker page: Start asks the server for a row every second, Stop asks it to stop. The table keeps the
// latest rows, newest first.
const app = thywill.app;
const [state, startButton, stopButton, feed, rows, errorLine] = thywill.elements('state', 'start', 'stop', 'feed',
    'rows', 'error');

const KEEP = 20;
let wanted = false;      // what the person asked for, kept across reconnections
let subscribed = false;  // what the server last confirmed for this connection

function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
        td.className = className;
    }
    return td;
}

function showRow(row) {
    const tr = document.createElement('tr');
    const change = Number(row.change);
    const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
    tr.className = 'row ' + direction;
    tr.append(
        cell(new Date(row.at).toLocaleTimeString()),
        cell(row.symbol, 'symbol'),
        cell(Number(row.price).toFixed(2), 'num'),
        cell((change > 0 ? '+' : '') + change.toFixed(2), 'num change'));
    rows.prepend(tr);
    while (rows.children.length > KEEP) {
        rows.lastElementChild.remove();
    }
}

function refresh() {
    const connected = thywill.state === 'connected';
    startButton.disabled = !connected || wanted;
    stopButton.disabled = !connected || !wanted;
    feed.textContent = subscribed ? 'Receiving a price every second' : wanted ? 'Starting…' : 'Stopped';
    feed.className = 'feed' + (subscribed ? ' live' : '');
}

function ask(subscribe) {
    wanted = subscribe;
    refresh();
    app.send(subscribe ? { subscribe: true } : { unsubscribe: true }).catch(e => {
        errorLine.textContent = 'Not sent: ' + e.message;
        errorLine.hidden = false;
    });
}

app.onMessage(data => {
    if (!data || typeof data !== 'object') {
        return;
    }
    if (data.row) {
        showRow(data.row);
    } else if (typeof data.subscribed === 'boolean') {
        subscribed = data.subscribed;
    } else if (typeof data.error === 'string') {
        errorLine.textContent = data.error;
        errorLine.hidden = false;
    }
    refresh();
});
app.onError(error => {
    errorLine.textContent = error.code + ': ' + error.message;
    errorLine.hidden = false;
});

thywill.onStateChange(s => {
    state.textContent = s;
    state.className = 'state ' + s;
    if (s !== 'connected') {
        subscribed = false;
    } else if (wanted && !subscribed) {
        // A new connection starts with no subscription: ask again for what the person wanted.
        ask(true);
    }
    refresh();
});

startButton.addEventListener('click', () => ask(true));
stopButton.addEventListener('click', () => ask(false));
