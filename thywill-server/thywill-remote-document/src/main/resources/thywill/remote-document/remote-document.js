// The remote document's browser runtime: applies the operations the server's Java code sends and reports events,
// read results and route changes back. Applications built on thywill-remote-document list it as their one script;
// they write no JavaScript of their own. The protocol is in documentation/remote-document.md.
//
//   server -> browser  {"dom": [op, op, ...]}    one batch, applied in order within one animation frame
//   browser -> server  {"domStart": {...}} | {"domRoute": {...}} | {"domReply": [...], "domEvent": [...], ...}
//
// window.remoteDocument.stats counts batches, operations and frames, for tests and the curious.
const app = thywill.app;
// Routes are paths under the application's page: /thywill/init/{appId}/items/42 is the route /items/42.
const BASE = '/thywill/init/' + window.thywillConfig.applicationId;

const handles = new Map();      // handle (a positive number the server chose) -> Element
const listeners = new Map();    // listener id -> {element, type, fn, cancel}
const timers = new Map();       // timer id -> cancel function
const queue = [];               // batches waiting for the next frame
const stats = { batches: 0, operations: 0, frames: 0, largestFrame: 0 };
const HANDLE = Symbol('remote-document-handle');
// The same rules as ScriptPolicy on the server, so that no batch, however it was made, runs script outside the one
// operation named for trusted HTML ('html', Element.innerHtml).
const REFUSED_ELEMENT = /^(script|iframe|frame|frameset|object|embed|applet|base|meta|portal)$/i;
const MARKUP_NAME = /^(srcdoc|innerHTML|outerHTML|insertAdjacentHTML)$/i;
const URL_NAME = /^(href|src|action|formaction|xlink:href|data|poster|background|codebase)$/i;
const SCRIPT_URL = /^(javascript:|vbscript:|data:text\/html)/i;
const ANIMATED_URL = /^(href|xlink:href|src|on.*)$/i;

function isScriptUrl(value) {
    return SCRIPT_URL.test(String(value).replace(/[\x00-\x20]/g, ''));
}

function checkElement(tag) {
    if (REFUSED_ELEMENT.test(String(tag))) {
        throw new Error('the element ' + tag + ' is refused: it can run script');
    }
    return tag;
}

function checkName(name, value) {
    if (/^on/i.test(name)) {
        throw new Error('event handlers such as ' + name + ' are refused: listen from the server');
    }
    if (MARKUP_NAME.test(name)) {
        throw new Error(name + ' is refused: use text, or innerHtml for trusted HTML');
    }
    if (typeof value === 'string' && URL_NAME.test(name) && isScriptUrl(value)) {
        throw new Error('a script URL in ' + name + ' is refused');
    }
    if (typeof value === 'string' && /^attributeName$/i.test(name) && ANIMATED_URL.test(value.trim())) {
        throw new Error('an animation of ' + value + ' is refused');
    }
}

let root = null;
let frameRequested = false;
let connectionId = null;
let budget = { rate: 50, maxSize: 60000 };
let currentRoute = null;

// --- Where things go --------------------------------------------------------------------------------------------

function viewRoot() {
    if (!root || !root.isConnected) {
        root = document.querySelector('[data-remote-document-root]');
        if (!root) {
            root = document.createElement('div');
            root.setAttribute('data-remote-document-root', '');
            document.body.appendChild(root);
        }
    }
    return root;
}

function resolve(ref, scope) {
    if (typeof ref === 'number') {
        if (ref === 0) {
            return viewRoot();
        }
        if (ref === -1) {
            return document.body;
        }
        const element = handles.get(ref);
        if (!element) {
            throw new Error('no element has handle ' + ref + ' (removed, or created for a view no longer shown)');
        }
        return element;
    }
    if (ref && typeof ref.q === 'string') {
        const element = document.querySelector(ref.q);
        if (!element) {
            throw new Error('no element matches the selector ' + ref.q);
        }
        return element;
    }
    if (ref && typeof ref.l === 'number') {
        const element = scope && scope.locals[ref.l];
        if (!element) {
            throw new Error('a recorded block used its element #' + ref.l + ' before creating it');
        }
        return element;
    }
    throw new Error('not an element reference: ' + JSON.stringify(ref));
}

function bind(slot, element, scope) {
    if (typeof slot === 'number') {
        element[HANDLE] = slot;
        handles.set(slot, element);
    } else {
        scope.locals[slot.l] = element;
    }
}

function forget(element) {
    if (element[HANDLE] !== undefined) {
        handles.delete(element[HANDLE]);
    }
    for (const inner of element.querySelectorAll('*')) {
        if (inner[HANDLE] !== undefined) {
            handles.delete(inner[HANDLE]);
        }
    }
}

// --- Operations -------------------------------------------------------------------------------------------------

const operations = {
    new(scope, slot, tag) {
        bind(slot, document.createElement(checkElement(tag)), scope);
    },
    newSvg(scope, slot, tag) {
        bind(slot, document.createElementNS('http://www.w3.org/2000/svg', checkElement(tag)), scope);
    },
    attach(scope, slot, css) {
        // An element the server rendered into the page (View.render), bound to a handle instead of created again.
        const element = viewRoot().querySelector(css);
        if (!element) {
            throw new Error('no rendered element matches the selector ' + css);
        }
        checkElement(element.localName);
        bind(slot, element, scope);
    },
    place(scope, node, where, anchor) {
        const child = resolve(node, scope);
        const target = resolve(anchor, scope);
        switch (where) {
            case 'append': target.append(child); break;
            case 'prepend': target.prepend(child); break;
            case 'before': target.before(child); break;
            case 'after': target.after(child); break;
            default: throw new Error('unknown place ' + where);
        }
    },
    remove(scope, ref) {
        const element = resolve(ref, scope);
        forget(element);
        element.remove();
    },
    clear(scope, ref) {
        const element = resolve(ref, scope);
        for (const child of element.children) {
            forget(child);
        }
        element.replaceChildren();
    },
    text(scope, ref, text) {
        resolve(ref, scope).textContent = text;
    },
    html(scope, ref, html) {
        // The one operation that parses HTML: Element.innerHtml on the server, named so that nobody uses it by
        // accident.
        const element = resolve(ref, scope);
        for (const child of element.children) {
            forget(child);
        }
        element.innerHTML = html;
    },
    attr(scope, ref, name, value) {
        checkName(name, value === null ? null : String(value));
        const element = resolve(ref, scope);
        if (value === null) {
            element.removeAttribute(name);
        } else {
            element.setAttribute(name, String(value));
        }
    },
    prop(scope, ref, name, value) {
        checkName(name, value);
        resolve(ref, scope)[name] = value;
    },
    class(scope, ref, name, on) {
        resolve(ref, scope).classList.toggle(name, on);
    },
    style(scope, ref, styles) {
        const style = resolve(ref, scope).style;
        for (const [name, value] of Object.entries(styles)) {
            if (value === null) {
                style.removeProperty(name);
            } else {
                style.setProperty(name, value);
            }
        }
    },
    call(scope, ref, method) {
        const element = resolve(ref, scope);
        if (method === 'focus' || method === 'blur' || method === 'scrollIntoView') {
            element[method]();
        } else {
            throw new Error('unknown method ' + method);
        }
    },
    listen(scope, ref, id, type, options) {
        listen(resolve(ref, scope), id, type, options || {});
    },
    unlisten(scope, id) {
        const listener = listeners.get(id);
        if (listener) {
            listeners.delete(id);
            listener.element.removeEventListener(listener.type, listener.fn);
            listener.cancel();
        }
    },
    read(scope, id, ref, kind, name) {
        try {
            const element = resolve(ref, scope);
            let value;
            if (kind === 'text') {
                value = element.textContent;
            } else if (kind === 'attr') {
                value = element.getAttribute(name);
            } else if (kind === 'prop') {
                value = element[name];
                if (value !== null && typeof value === 'object') {
                    value = JSON.parse(JSON.stringify(value));
                } else if (typeof value === 'function' || typeof value === 'symbol' || value === undefined) {
                    value = null;
                }
            } else {
                throw new Error('unknown read ' + kind);
            }
            post('domReply', { id, value });
        } catch (e) {
            post('domReply', { id, error: e.message });
        }
    },
    timer(scope, id, millis, repeat, ops) {
        stopTimer(id);
        const tick = () => {
            if (!repeat) {
                timers.delete(id);
            }
            runBlock(ops);
        };
        const handle = repeat ? setInterval(tick, millis) : setTimeout(tick, millis);
        timers.set(id, () => (repeat ? clearInterval(handle) : clearTimeout(handle)));
    },
    untimer(scope, id) {
        stopTimer(id);
    },
    run(scope, ops) {
        runBlock(ops);
    },
    send(scope, data) {
        post('domMessage', data);
    },
    title(scope, text) {
        document.title = text;
    },
    sheet(scope, css) {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.appendChild(style);
    },
    navigate(scope, path, replace) {
        if (replace) {
            history.replaceState(null, '', BASE + path);
        } else {
            history.pushState(null, '', BASE + path);
        }
        currentRoute = routeKey(route());
    },
    redirect(scope, url) {
        if (isScriptUrl(url)) {
            throw new Error('a script URL is refused as an address');
        }
        location.assign(url);
    },
    reset() {
        reset();
    },
    hello(scope, settings) {
        budget = Object.assign(budget, settings);
    }
};

function apply(ops, scope) {
    for (const op of ops) {
        stats.operations++;
        try {
            const run = operations[op[0]];
            if (!run) {
                throw new Error('unknown operation ' + op[0]);
            }
            run(scope, ...op.slice(1));
        } catch (e) {
            report(op, e);
        }
    }
}

function runBlock(ops) {
    apply(ops, { locals: [] });
}

function stopTimer(id) {
    const cancel = timers.get(id);
    if (cancel) {
        timers.delete(id);
        cancel();
    }
}

function reset() {
    timers.forEach(cancel => cancel());
    timers.clear();
    listeners.forEach(listener => {
        listener.element.removeEventListener(listener.type, listener.fn);
        listener.cancel();
    });
    listeners.clear();
    handles.clear();
    viewRoot().replaceChildren();
    viewRoot().removeAttribute('data-rendered');
}

// Errors go to the console and, a few a second at most, to the server's log.
let reported = 0;
function report(op, error) {
    console.warn('remote document: ' + op[0] + ' failed: ' + error.message, op);
    if (reported < 5) {
        reported++;
        setTimeout(() => reported--, 1000);
        post('domError', { operation: op[0], message: error.message });
    }
}

// --- Frames -----------------------------------------------------------------------------------------------------

function frame() {
    if (!frameRequested) {
        return;
    }
    frameRequested = false;
    stats.frames++;
    let count = 0;
    for (const batch of queue.splice(0)) {
        count += batch.length;
        apply(batch, null);
    }
    stats.largestFrame = Math.max(stats.largestFrame, count);
}

function enqueue(batch) {
    stats.batches++;
    // A batch that only reads changes nothing on screen: with nothing queued before it, it need not wait for a frame.
    if (!frameRequested && batch.every(op => op[0] === 'read')) {
        apply(batch, null);
        return;
    }
    queue.push(batch);
    if (!frameRequested) {
        frameRequested = true;
        // A hidden tab gets no animation frames: apply there on a timer, so its reads still answer.
        if (document.visibilityState === 'hidden') {
            setTimeout(frame, 0);
        } else {
            requestAnimationFrame(frame);
            setTimeout(frame, 250);
        }
    }
}

// --- Events -----------------------------------------------------------------------------------------------------

function fields(event, element, id) {
    const out = { listener: id, type: event.type };
    const source = 'value' in element ? element : event.target;
    if (source && typeof source.value === 'string') {
        out.value = source.value;
    }
    if (source && typeof source.checked === 'boolean' && (source.type === 'checkbox' || source.type === 'radio')) {
        out.checked = source.checked;
    }
    if (typeof event.key === 'string') {
        out.key = event.key;
        out.code = event.code;
    }
    if (typeof event.clientX === 'number') {
        out.x = event.clientX;
        out.y = event.clientY;
    }
    if ('altKey' in event) {
        out.modifiers = [event.altKey && 'alt', event.ctrlKey && 'ctrl', event.shiftKey && 'shift',
            event.metaKey && 'meta'].filter(Boolean);
    }
    if (event.target && event.target.nodeType === 1) {
        out.targetId = event.target.id || null;
        out.targetTag = event.target.tagName.toLowerCase();
    }
    if (element.dataset) {
        out.data = Object.assign({}, element.dataset);
    }
    const form = element instanceof HTMLFormElement ? element : null;
    if (form) {
        out.form = {};
        for (const [name, value] of new FormData(form)) {
            if (typeof value === 'string') {
                out.form[name] = value;
            }
        }
    }
    return out;
}

function listen(element, id, type, options) {
    const keys = Array.isArray(options.keys) ? options.keys : null;
    const deliver = event => post('domEvent', event);
    let send = deliver;
    let cancel = () => {};
    if (options.debounce > 0) {
        let timeout = null;
        send = payload => {
            clearTimeout(timeout);
            timeout = setTimeout(() => deliver(payload), options.debounce);
        };
        cancel = () => clearTimeout(timeout);
    } else if (options.throttle > 0) {
        // The first event goes at once, then at most one per period: the latest of those that came meanwhile.
        let last = 0;
        let pending = null;
        let timeout = null;
        send = payload => {
            const wait = last + options.throttle - Date.now();
            if (wait <= 0 && !timeout) {
                last = Date.now();
                deliver(payload);
            } else {
                pending = payload;
                if (!timeout) {
                    timeout = setTimeout(() => {
                        timeout = null;
                        last = Date.now();
                        deliver(pending);
                    }, Math.max(wait, 0));
                }
            }
        };
        cancel = () => clearTimeout(timeout);
    }
    const fn = event => {
        if (keys && !keys.includes(event.key)) {
            return;
        }
        if (options.prevent) {
            event.preventDefault();
        }
        send(fields(event, element, id));
    };
    element.addEventListener(type, fn);
    listeners.set(id, { element, type, fn, cancel });
}

// --- To the server: coalesced, and paced under the Client Interface's per-connection message limit -------------

const outbox = new Map();
let sendScheduled = false;
let tokens = null;
let refilled = Date.now();

function post(kind, item) {
    if (!outbox.has(kind)) {
        outbox.set(kind, []);
    }
    outbox.get(kind).push(item);
    if (!sendScheduled) {
        sendScheduled = true;
        queueMicrotask(drain);
    }
}

function takeToken() {
    const now = Date.now();
    if (tokens === null) {
        tokens = budget.rate;
    }
    tokens = Math.min(budget.rate, tokens + (now - refilled) * budget.rate / 1000);
    refilled = now;
    if (tokens >= 1) {
        tokens -= 1;
        return 0;
    }
    return Math.ceil((1 - tokens) * 1000 / budget.rate);
}

function drain() {
    const wait = takeToken();
    if (wait > 0) {
        setTimeout(drain, wait);
        return;
    }
    sendScheduled = false;
    const message = {};
    let size = 2;
    for (const [kind, items] of outbox) {
        const kept = [];
        while (items.length > 0) {
            const text = JSON.stringify(items[0]);
            if (text.length > budget.maxSize) {
                items.shift();
                if (kind === 'domReply') {
                    kept.push({ id: JSON.parse(text).id, error: 'the value is ' + text.length
                        + ' characters long, more than one message may carry (' + budget.maxSize + ')' });
                } else {
                    console.warn('remote document: dropped a ' + kind + ' too large to send', items[0]);
                }
                continue;
            }
            if (size + text.length > budget.maxSize) {
                break;
            }
            size += text.length + 1;
            kept.push(items.shift());
        }
        if (kept.length > 0) {
            message[kind] = kept;
        }
        if (items.length === 0) {
            outbox.delete(kind);
        }
    }
    if (Object.keys(message).length > 0) {
        app.send(message).catch(e => console.warn('remote document: not sent: ' + e.message));
    }
    if (outbox.size > 0 && !sendScheduled) {
        sendScheduled = true;
        setTimeout(drain, 0);
    }
}

// --- Routes and start -------------------------------------------------------------------------------------------

function route() {
    // The default application is also served at /thywill/init/, which is its route /.
    const path = location.pathname.startsWith(BASE + '/') ? location.pathname.substring(BASE.length) : '/';
    return { path, query: location.search.startsWith('?') ? location.search.substring(1) : '' };
}

// Links the server wrote with Routes.href are relative to the application's page, whatever the route shown.
function setBase() {
    if (!document.querySelector('base[href]')) {
        const base = document.createElement('base');
        base.href = BASE + '/';
        document.head.prepend(base);
    }
}

// A plain click on a link to a route of this application switches the view without a reload.
function followLink(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey || !(event.target instanceof Element)) {
        return;
    }
    const link = event.target.closest('a[href]');
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) {
        return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE + '/')) {
        return;
    }
    event.preventDefault();
    history.pushState(null, '', url.pathname + url.search);
    routeChanged();
}

function routeKey(r) {
    return r.path + '?' + r.query;
}

function routeChanged() {
    const now = route();
    const key = routeKey(now);
    if (key !== currentRoute && connectionId) {
        currentRoute = key;
        app.send({ domRoute: now }).catch(e => console.warn('remote document: not sent: ' + e.message));
    }
}

function start() {
    // A new connection (the first, or after the server lost the old one) has a new document on the server: start
    // from an empty view.
    if (thywill.connectionId === connectionId) {
        return;
    }
    const restart = connectionId !== null;
    connectionId = thywill.connectionId;
    if (restart) {
        reset();
        outbox.clear();
    }
    const now = route();
    currentRoute = routeKey(now);
    // The digest of the view the server rendered into the page, so that the server sends it again only if it changed.
    const rendered = viewRoot().getAttribute('data-rendered');
    app.send({ domStart: Object.assign(now, { restart }, rendered ? { rendered } : {}) })
        .catch(e => console.warn('remote document: not started: ' + e.message));
}

app.onMessage(data => {
    if (data && Array.isArray(data.dom)) {
        enqueue(data.dom);
    }
});
setBase();
document.addEventListener('click', followLink);
window.addEventListener('popstate', routeChanged);
thywill.onReady(start);
thywill.onStateChange(state => {
    if (state === 'connected') {
        start();
    }
});

const remoteDocument = { stats, handles, get root() { return viewRoot(); } };
window.remoteDocument = remoteDocument;
export default remoteDocument;
