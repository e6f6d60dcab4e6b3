// The admin console's page: logs in with a @Callable, then redraws from the snapshot the server pushes each
// second. Everything from the server is set as text (never innerHTML); session ids never reach this page, only
// their fingerprints.
const app = thywill.app;
const $ = id => document.getElementById(id);
let snapshot = null;
let lastUpdate = 0;

function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
        e.textContent = String(text);
    }
    if (className) {
        e.className = className;
    }
    return e;
}

function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => {
        if (c instanceof Node) {
            tr.appendChild(c);
        } else {
            tr.appendChild(el('td', c));
        }
    });
    return tr;
}

function td(child, className) {
    const cell = el('td', undefined, className);
    [].concat(child).forEach(c => cell.appendChild(c instanceof Node ? c : document.createTextNode(String(c))));
    return cell;
}

function fill(tableId, rows, emptyText) {
    const body = document.querySelector('#' + tableId + ' tbody');
    const columns = document.querySelectorAll('#' + tableId + ' thead th').length;
    if (rows.length === 0) {
        const cell = el('td', emptyText, 'empty');
        cell.colSpan = columns;
        body.replaceChildren(row([cell]));
    } else {
        body.replaceChildren(...rows);
    }
}

function button(label, action, className) {
    const b = el('button', label, 'small' + (className ? ' ' + className : ''));
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
}

function status(text) {
    $('status').textContent = text;
    clearTimeout(status.timer);
    status.timer = setTimeout(() => { $('status').textContent = ''; }, 5000);
}

async function act(describe, name, args) {
    try {
        const result = await app.call(name, args);
        status(describe + ': ' + JSON.stringify(result));
        render(await app.call('snapshot'));
    } catch (error) {
        status(describe + ' failed: ' + (error.code || '') + ' ' + error.message);
    }
}

function mb(bytes) {
    return (bytes / 1048576).toFixed(0) + ' MB';
}

function render(s) {
    snapshot = s;
    lastUpdate = Date.now();
    $('live').className = 'pill';
    $('live').textContent = 'live';
    const node = s.nodes[0];
    $('node-name').textContent = node.name;
    fill('nodes', s.nodes.map(n => n.self
        ? row([td([el('span', n.name, 'mono'), n.node ? ' ' + n.node : '', ' (this node)']),
            new Date(n.started).toLocaleString(), n.java, mb(n.heapUsed) + ' / ' + mb(n.heapMax)])
        : row([td([el('span', n.name, 'mono'), ' (up; its console shows it)']), '–', '–', '–'])), 'None');
    $('cluster-note').textContent = node.cluster;
    fill('components', s.components.map(c => row([c.slot, td(el('code', c.implementation)),
        td([el('span', c.up ? '● up ' : '● down ', c.up ? 'up' : 'down'), c.detail])])), 'None');
    fill('applications', s.applications.map(a => row([td(el('code', a.id), 'app-id'), a.title, a.version || '–',
        td(el('span', a.source, 'mono')), td(a.running ? a.connections : 'undeployed', 'num'),
        td(a.inPerSecond.toFixed(1), 'num'), td(a.outPerSecond.toFixed(1), 'num'),
        td(a.id === 'admin' ? [] : [
            a.running ? button('Undeploy', () => {
                if (confirm('Undeploy ' + a.id + '? Its pages are told it is gone.')) {
                    act('Undeploy ' + a.id, 'undeploy', [a.id]);
                }
            }, 'danger') : '',
            button('Redeploy', () => act('Redeploy ' + a.id, 'redeploy', [a.id]))])])), 'No application runs');
    renderConnections();
    renderUsers();
    renderChannels();
    drawCharts(s.charts);
}

function renderConnections() {
    const c = snapshot.connections;
    if (!c.available) {
        fill('connections', [], 'This Client Interface does not list its connections.');
        return;
    }
    const fa = $('filter-application').value.trim().toLowerCase();
    const fs = $('filter-session').value.trim().toLowerCase();
    const fr = $('filter-remote').value.trim().toLowerCase();
    const shown = c.rows.filter(r => r.application.toLowerCase().includes(fa) && r.session.includes(fs)
        && r.remote.toLowerCase().includes(fr));
    $('connection-count').textContent = shown.length + ' shown of ' + c.total
        + (c.total > c.rows.length ? ' (first ' + c.rows.length + ' listed)' : '');
    fill('connections', shown.map(r => {
        const tr = row([td(el('code', r.session)), td(el('code', r.connection)), r.application, r.transport,
            td(el('span', r.remote, 'mono')), td([
                button('Message', () => {
                    const text = prompt('Test message to session ' + r.session + ' of ' + r.application);
                    if (text !== null) {
                        act('Message to ' + r.session, 'sendToSession', [r.session, r.application, text]);
                    }
                }),
                button('Disconnect', () => act('Disconnect ' + r.session, 'disconnect', [r.session]), 'danger')])]);
        tr.dataset.session = r.session;
        tr.dataset.application = r.application;
        return tr;
    }), 'No connection');
}

function renderUsers() {
    const u = snapshot.users;
    $('user-count').textContent = u.total + ' signed in here' + (u.total > u.rows.length
        ? ' (first ' + u.rows.length + ' listed)' : '');
    fill('users', u.rows.map(r => {
        const tr = row([r.user, td(r.sessions.map(s => el('code', s + ' '))), String(r.connections), td([
            button('Disconnect', () => {
                if (confirm('Log ' + r.user + ' out on every device and node?')) {
                    act('Disconnect user ' + r.user, 'disconnectUser', [r.user]);
                }
            }, 'danger')])]);
        tr.dataset.user = r.user;
        return tr;
    }), u.available ? 'No signed-in user is connected here' : 'This Client Interface does not list its connections.');
}

function renderChannels() {
    const c = snapshot.channels;
    if (!c.available) {
        fill('channels', [], 'This Push does not list channels (Push redis: see the cluster).');
        return;
    }
    fill('channels', c.rows.map(r => row([r.application, td(el('code', r.channel)),
        td(r.members.map(m => el('code', m + ' '))),
        td(r.present.map(p => el('code', p.session + ' ×' + p.connections + ' '))),
        td(button('Message', () => {
            const text = prompt('Test message to channel ' + r.channel + ' of ' + r.application);
            if (text !== null) {
                act('Message to ' + r.channel, 'sendToChannel', [r.application, r.channel, text]);
            }
        }))])), 'No channel has a member connected here');
}

function drawCharts(charts) {
    const points = charts.points;
    const last = points[points.length - 1];
    $('rate-now').textContent = last ? ' now: ' + last.in + ' in, ' + last.out + ' out' : '';
    draw($('chart-rate'), points, [['in', '#4aa8ff'], ['out', '#3ecf8e']], '/s');
    $('latency-window').textContent = '(messages acknowledged in the last ' + charts.latencyWindowSeconds + ' s)';
    $('latency-note').textContent = charts.latencyMeasured
        ? ' Send to acknowledgement, bucket upper bounds of thywill_delivery_latency_seconds.'
        : ' No acknowledged message yet (messages to sessions and channels are timed to their acknowledgement).';
    draw($('chart-latency'), points, [['p50', '#3ecf8e'], ['p95', '#f5b041'], ['p99', '#ff6b6b']], ' ms');
}

function draw(canvas, points, series, unit) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || canvas.width;
    const h = canvas.clientHeight || canvas.height;
    canvas.width = w * ratio;
    canvas.height = h * ratio;
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    g.clearRect(0, 0, w, h);
    const left = 44;
    const bottom = h - 18;
    let max = 0;
    points.forEach(p => series.forEach(([k]) => { if (p[k] !== null && p[k] > max) { max = p[k]; } }));
    max = max <= 0 ? 1 : max * 1.15;
    g.strokeStyle = '#2a3540';
    g.fillStyle = '#8796a5';
    g.font = '11px system-ui';
    for (let i = 0; i <= 3; i++) {
        const y = 6 + (bottom - 6) * i / 3;
        g.beginPath();
        g.moveTo(left, y);
        g.lineTo(w, y);
        g.stroke();
        g.fillText((max * (3 - i) / 3).toFixed(max < 10 ? 1 : 0) + unit, 2, y + 4);
    }
    const span = 300;
    g.fillText('-5 min', left, h - 4);
    g.fillText('now', w - 24, h - 4);
    const now = points.length ? points[points.length - 1].t : 0;
    series.forEach(([key, color]) => {
        g.strokeStyle = color;
        g.lineWidth = 1.6;
        g.beginPath();
        let drawing = false;
        points.forEach(p => {
            const x = left + (w - left) * (1 - (now - p.t) / 1000 / span);
            if (p[key] === null || p[key] === undefined) {
                drawing = false;
                return;
            }
            const y = bottom - (bottom - 6) * p[key] / max;
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        });
        g.stroke();
    });
}

app.onMessage(message => {
    if (message && message.kind === 'snapshot') {
        render(message.snapshot);
    }
});

['filter-application', 'filter-session', 'filter-remote'].forEach(id =>
    $(id).addEventListener('input', () => snapshot && renderConnections()));

setInterval(() => {
    if (lastUpdate && Date.now() - lastUpdate > 5000) {
        $('live').className = 'pill stale';
        $('live').textContent = thywill.state === 'connected' ? 'stale' : thywill.state;
    }
}, 1000);

thywill.onStateChange(state => {
    if (state === 'connected' && snapshot && !$('console').hidden) {
        // A new connection is not logged in: ask for the token again.
        $('console').hidden = true;
        $('login').hidden = false;
        $('login-error').textContent = 'The connection was renewed: log in again.';
    }
});

$('login-form').addEventListener('submit', async e => {
    e.preventDefault();
    $('login-error').textContent = '';
    $('login-button').disabled = true;
    try {
        await thywill.ready();
        const answer = await app.call('login', [$('name').value, $('token').value]);
        if (!answer.ok) {
            $('login-error').textContent = answer.reason;
            return;
        }
        $('token').value = '';
        $('operator').textContent = 'logged in as ' + answer.operator;
        $('login').hidden = true;
        $('console').hidden = false;
        render(answer.snapshot);
    } catch (error) {
        $('login-error').textContent = (error.code || 'error') + ': ' + error.message;
    } finally {
        $('login-button').disabled = false;
    }
});
