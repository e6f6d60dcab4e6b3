// Thywill's client for its plain WebSocket protocol (documentation/protocol.md), for browsers and Node, with no
// dependencies. documentation/websocket-client.md has the whole API; in short:
//
//   const client = thywillWs.connect('ws://localhost:8081/thywill/ws', {application: 'echo'});
//   client.onMessage((data, meta) => { ... });  // meta: {application, channel (name or null), seq (or null)}
//   client.send({any: 'json'});                 // a promise, resolved when the server accepted it
//   client.call('add', [1, 2]);                 // a promise of the result; rejects with an Error whose .code says why
//   client.onError(error => { ... });           // {code, message} from the server
//   client.onClose(reason => { ... });          // {code, message, status, reconnecting} each time the socket ends
//   client.close();
//
// Delivery: a numbered message (one with a seq) is handed to the handlers once, in order, and acknowledged after
// they ran; the client remembers its session and the last seq handled, so a reconnection (after a backoff) says
// hello with them and the server replays only what was not handled. Sends wait while the socket is down and go
// (again) with the same id after the next welcome, so the server passes each to the application once.
//
// Loaded by a <script> it defines globalThis.thywillWs; in Node, require() returns the same object. Node 22 and
// browsers have a WebSocket; elsewhere pass one: connect(url, {WebSocket: require('ws')}).
(function (root, factory) {
    const api = factory();
    if (typeof module === 'object' && module.exports) {
        module.exports = api;
    } else {
        root.thywillWs = api;
    }
}(typeof globalThis !== 'undefined' ? globalThis : this, function () {
    'use strict';

    const ACK_DELAY = 50;
    const RECENT_IDS = 1000;
    const MAX_WAITING_SENDS = 1000;
    const BACKOFF_FIRST = 250;
    const BACKOFF_MAX = 15000;
    // The server closes a connection silent for a minute; a ping after 20 s without a frame keeps it open.
    const PING_AFTER = 20000;
    const TOO_BIG = 1009;
    const REFUSED_CREDENTIALS = 4401;
    const CLOSED_BY_SERVER = 4403;
    const HELLO = 'hello';
    const CLOSE_AFTER_ERROR = 1000;

    function callError(code, message) {
        const error = new Error(message);
        error.code = code;
        return error;
    }

    // Runs a handler; one that throws must not keep the others (or the acknowledgement) from running.
    function safely(fn, ...args) {
        try {
            fn(...args);
        } catch (e) {
            setTimeout(() => { throw e; });
        }
    }

    function randomId() {
        return Math.random().toString(36).slice(2) + Date.now().toString(36);
    }

    function connect(url, options = {}) {
        return new Client(url, options);
    }

    class Client {
        constructor(url, options) {
            if (typeof options.application !== 'string') {
                throw new Error("thywillWs: name the connection's application, connect(url, {application: 'echo'})");
            }
            this.url = url;
            this.application = options.application;
            this.WebSocket = options.WebSocket || (typeof WebSocket !== 'undefined' ? WebSocket : null);
            if (!this.WebSocket) {
                throw new Error('thywillWs: no WebSocket here; on Node before 22 pass one, '
                    + "connect(url, {WebSocket: require('ws')}), or run node --experimental-websocket");
            }
            this.token = options.token;
            this.session = options.session || null;
            this.handled = Object.assign({}, options.handled); // {application: last seq handled}
            this.acked = {};
            this.recentIds = new Map(); // application -> Set of the last message ids handled, oldest first
            this.handlers = { message: [], error: [], close: [], state: [] };
            this.sends = new Map(); // ref -> {frame, resolve, reject}, until accepted or refused
            this.calls = new Map(); // call id -> {name, resolve, reject, timer}
            this.lastRef = 0;
            this.clientId = randomId();
            this.state = 'connecting';
            this.attempts = 0;
            this.closing = false;
            this.welcome = null;
            this.readyPromise = new Promise((resolve, reject) => {
                this.resolveReady = resolve;
                this.rejectReady = reject;
            });
            this.readyPromise.catch(() => {}); // rejected only when closed for good; not an unhandled rejection
            this.open();
        }

        /** Handlers get (data, {application, channel, seq}); filter: {application, channel} (null: no channel). */
        onMessage(handler, filter = {}) {
            this.handlers.message.push({ handler, application: filter.application || this.application,
                channel: filter.channel });
            return this;
        }

        onError(handler) {
            this.handlers.error.push(handler);
            return this;
        }

        onClose(handler) {
            this.handlers.close.push(handler);
            return this;
        }

        onStateChange(handler) {
            this.handlers.state.push(handler);
            return this;
        }

        /** A promise of the first welcome ({session, connection, user, ...}); rejects if the client stops first. */
        ready() {
            return this.readyPromise;
        }

        get connectionId() {
            return this.welcome ? this.welcome.connection : null;
        }

        send(data, { application = this.application } = {}) {
            if (this.closing) {
                return Promise.reject(callError('closed', 'thywillWs: this client was closed'));
            }
            if (this.sends.size >= MAX_WAITING_SENDS) {
                return Promise.reject(callError('too-many-waiting', 'thywillWs: ' + MAX_WAITING_SENDS
                    + ' sends are waiting for the server already; wait for their promises before sending more'));
            }
            const ref = String(++this.lastRef);
            const envelope = { type: 'message', data, id: this.clientId + '-' + ref };
            return new Promise((resolve, reject) => {
                this.sends.set(ref, { frame: { op: 'send', application, data: envelope, ref }, resolve, reject });
                const pending = this.sends.get(ref);
                if (this.state === 'connected' && this.write(pending.frame)) {
                    pending.socket = this.socket;
                }
            });
        }

        call(name, args = [], { timeout = 10000, application = this.application } = {}) {
            if (this.state !== 'connected') {
                return Promise.reject(callError('disconnected', name + ': not connected; call once ready()'));
            }
            if (!Array.isArray(args)) {
                return Promise.reject(callError('invalid-arguments', name + ': the arguments must be an array'));
            }
            const id = String(++this.lastRef);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => this.settle(id, null,
                    callError('timed-out', name + ': no answer within ' + timeout + ' ms')), timeout);
                this.calls.set(id, { name, resolve, reject, timer });
                this.write({ op: 'send', application, data: { type: 'rpc', id, name, args, timeout }, ref: id });
            });
        }

        /** Acknowledges what was handled, fails what waits for an answer, and closes for good. */
        close() {
            if (this.state === 'closed') {
                return;
            }
            clearTimeout(this.ackTimer);
            this.acknowledge();
            this.closing = true;
            clearTimeout(this.retryTimer);
            const socket = this.socket;
            this.forget();
            if (socket) {
                socket.close(1000);
            }
            this.failWaiting('closed', 'the client was closed');
            this.rejectReady(callError('closed', 'thywillWs: closed before the server welcomed it'));
            this.handlers.close.forEach(fn => safely(fn, { code: 'closed', message: 'closed by the client',
                status: 1000, reconnecting: false }));
            this.setState('closed');
        }

        // ---- the connection ----

        currentToken() {
            return typeof this.token === 'function' ? this.token() : this.token;
        }

        open() {
            this.setState('connecting');
            new Promise(resolve => resolve(this.currentToken())).catch(() => undefined).then(token => {
                if (this.closing) {
                    return;
                }
                let socket;
                try {
                    socket = new this.WebSocket(this.url);
                } catch (e) {
                    // A URL no WebSocket can open (not ws: or wss:, say): trying again cannot help.
                    const reason = { code: 'bad-url', message: 'thywillWs: ' + e.message, reconnecting: false };
                    this.handlers.close.forEach(fn => safely(fn, reason));
                    this.stop(reason);
                    return;
                }
                this.socket = socket;
                this.welcomedHere = false;
                this.serverReason = null;
                this.refusedHello = null;
                socket.onopen = () => this.write({ op: 'hello', application: this.application,
                    session: this.session || undefined, ack: true, handled: this.handled, token, ref: HELLO });
                socket.onmessage = event => this.receive(event.data);
                socket.onclose = event => this.closed(socket, event.code, event.reason);
                // A close event follows an error, with the status; Node 20's WebSocket forgets it when the
                // connection could not be made, so an error with no close in a second counts as one.
                socket.onerror = () => {
                    this.errorTimer = setTimeout(() => this.closed(socket, 1006, ''), CLOSE_AFTER_ERROR);
                };
            });
        }

        write(frame) {
            if (!this.socket || this.socket.readyState !== 1) {
                return false;
            }
            this.socket.send(JSON.stringify(frame));
            clearTimeout(this.pingTimer);
            this.pingTimer = setTimeout(() => this.write({ op: 'ping' }), PING_AFTER);
            return true;
        }

        closed(socket, status, text) {
            if (socket !== this.socket) {
                return;
            }
            this.forget();
            if (status === TOO_BIG) {
                // One of the sends on this socket was too big for the server: sent again, it would close the next
                // socket too.
                this.failWaiting('message-too-big', 'the server closed the connection on a frame too big', socket);
            }
            // Refused credentials end the client, unless they were accepted once on this socket (so they expired)
            // and a token function can give new ones. A refused hello, a policy violation (1008) or the server's
            // ending of the connection on an application's word (4403, a user logged out everywhere) ends it too,
            // unless the sign-in could not be checked for now.
            const refused = this.refusedHello;
            const retry = !this.closing && status !== 1008 && status !== CLOSED_BY_SERVER && (refused
                ? refused.code === 'authentication-unavailable'
                : status !== REFUSED_CREDENTIALS || (this.welcomedHere && typeof this.token === 'function'));
            const reason = Object.assign({ code: 'closed', message: text || 'the connection ended' },
                this.serverReason, refused, { status, reconnecting: retry });
            this.handlers.close.forEach(fn => safely(fn, reason));
            if (retry) {
                this.setState('disconnected');
                // Exponential backoff with jitter, so that a restarted server is not met by every client at once;
                // a server with too many connections (1013) asks for 10 s.
                const backoff = Math.min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** this.attempts++);
                const delay = Math.max(status === 1013 ? 10000 : 0, backoff * (0.5 + Math.random() / 2));
                this.retryTimer = setTimeout(() => this.open(), delay);
            } else if (!this.closing) {
                this.stop(reason);
            }
        }

        // Ends the client for good, for a reason the server (or the URL) gave.
        stop(reason) {
            this.closing = true;
            this.failWaiting(reason.code, reason.message);
            this.rejectReady(callError(reason.code, reason.message));
            this.setState('closed');
        }

        // Stops listening to a socket that ended (or is being closed), and what was timed for it.
        forget() {
            this.socket = null;
            clearTimeout(this.errorTimer);
            clearTimeout(this.pingTimer);
            this.abandonCalls();
        }

        setState(state) {
            if (state !== this.state) {
                this.state = state;
                this.handlers.state.forEach(fn => safely(fn, state));
            }
        }

        // Rejects the sends waiting for an answer (only those written on `socket`, if given) and the calls.
        failWaiting(code, message, socket) {
            for (const [ref, pending] of [...this.sends]) {
                if (!socket || pending.socket === socket) {
                    this.sends.delete(ref);
                    pending.reject(callError(code, message));
                }
            }
            this.abandonCalls();
        }

        abandonCalls() {
            for (const id of [...this.calls.keys()]) {
                this.settle(id, null, callError('disconnected', this.calls.get(id).name
                    + ': the connection ended before the answer came'));
            }
        }

        settle(id, result, error) {
            const pending = this.calls.get(id);
            if (pending) {
                this.calls.delete(id);
                clearTimeout(pending.timer);
                if (error) {
                    pending.reject(error);
                } else {
                    pending.resolve(result);
                }
            }
        }

        // ---- what the server sends ----

        receive(text) {
            let frame;
            try {
                frame = JSON.parse(text);
            } catch (e) {
                return;
            }
            switch (frame && frame.op) {
                case 'welcome': return this.welcomed(frame);
                case 'accepted': return this.answered(frame.ref, null);
                case 'refused': return this.answered(frame.ref, frame.error || {});
                case 'message': return this.dispatch(frame.channel, frame.data);
                case 'error': return this.answered(frame.ref, frame.error || {}) || this.reportError(frame.error);
                case 'close': this.serverReason = frame.reason; return undefined;
                default: return undefined;
            }
        }

        reportError(error) {
            this.handlers.error.forEach(fn => safely(fn, error));
        }

        welcomed(frame) {
            this.welcome = frame;
            this.welcomedHere = true;
            this.session = frame.session;
            this.attempts = 0;
            this.setState('connected');
            this.resolveReady(frame);
            // The server may have lost acknowledgements sent just before the cut: tell it again.
            this.acked = {};
            this.scheduleAck();
            for (const pending of this.sends.values()) {
                pending.socket = this.socket;
                this.write(pending.frame);
            }
        }

        // Settles the send or call a refused, error or accepted frame answers; false if it answers none.
        answered(ref, error) {
            const key = String(ref);
            const pending = this.sends.get(key);
            if (key === HELLO && error) {
                // The server knows no such application, or refused the credentials.
                this.refusedHello = { code: error.code || 'refused', message: error.message || 'hello refused' };
                if (this.socket) {
                    this.socket.close(1000);
                }
            } else if (pending) {
                this.sends.delete(key);
                if (error) {
                    pending.reject(callError(error.code || 'refused', error.message || 'refused'));
                } else {
                    pending.resolve();
                }
            } else if (error && this.calls.has(key)) {
                this.settle(key, null, callError(error.code || 'failed', error.message || 'refused'));
            } else {
                return false;
            }
            return true;
        }

        // channel: /thywill/{application} or /thywill/{application}/channel/{name}
        dispatch(channel, envelope) {
            const parts = String(channel).split('/');
            if (parts.length < 3 || !envelope) {
                return;
            }
            const application = parts[2];
            const channelName = parts.length >= 5 && parts[3] === 'channel' ? parts.slice(4).join('/') : null;
            switch (envelope.type) {
                case 'message': return this.deliver(application, channelName, envelope);
                case 'rpc-result': return this.settle(String(envelope.id), envelope.result, null);
                case 'rpc-error': {
                    const error = envelope.error || {};
                    return this.settle(String(envelope.id), null, callError(error.code || 'failed', error.message));
                }
                case 'error': return this.reportError(Object.assign({ application }, envelope.error));
                case 'undeployed': return this.reportError({ application, code: 'undeployed',
                    reason: envelope.reason, message: 'the application ' + application + ' was ' + envelope.reason });
                default: return undefined;
            }
        }

        deliver(application, channel, envelope) {
            const handlers = this.handlers.message.filter(h => h.application === application
                && (h.channel === undefined || h.channel === channel));
            if (handlers.length === 0 && application !== this.application) {
                // Another application's message to the session: left for that application's own clients.
                return;
            }
            const seq = typeof envelope.seq === 'number' ? envelope.seq : null;
            if (seq !== null && seq <= (this.handled[application] || 0)) {
                return; // handled already (a resend of the transport, or a replay)
            }
            if (!this.seenId(application, envelope.mid)) {
                handlers.forEach(h => safely(h.handler, envelope.data, { application, channel, seq }));
            }
            // A copy replayed under a new seq is acknowledged too, so the server forgets it.
            if (seq !== null) {
                this.handled[application] = seq;
                this.scheduleAck();
            }
            if (typeof envelope.receipt === 'number') {
                this.write({ op: 'send', application, data: { type: 'ack', receipt: envelope.receipt } });
            }
        }

        // Handled already under another seq? Remembers the id of one that was not.
        seenId(application, mid) {
            if (typeof mid !== 'string') {
                return false;
            }
            let ids = this.recentIds.get(application);
            if (!ids) {
                ids = new Set();
                this.recentIds.set(application, ids);
            }
            if (ids.has(mid)) {
                return true;
            }
            ids.add(mid);
            if (ids.size > RECENT_IDS) {
                ids.delete(ids.values().next().value);
            }
            return false;
        }

        // Acknowledgements wait a moment, so a burst of messages costs one frame.
        scheduleAck() {
            if (!this.ackTimer) {
                this.ackTimer = setTimeout(() => this.acknowledge(), ACK_DELAY);
            }
        }

        acknowledge() {
            this.ackTimer = null;
            const acks = {};
            let any = false;
            for (const [application, seq] of Object.entries(this.handled)) {
                if (seq > (this.acked[application] || 0)) {
                    acks[application] = seq;
                    any = true;
                }
            }
            if (any && this.state === 'connected') {
                this.write({ op: 'ack', acks });
                Object.assign(this.acked, acks);
            }
        }
    }

    return { connect, Client };
}));
