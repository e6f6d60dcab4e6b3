// Thywill's browser library: connects to the server over CometD and gives application scripts a small API.
//
//   const app = thywill.app;                  // the page's application (thywill.application(id) for another)
//   app.onMessage((data, meta) => { ... });   // meta.channel is null, or the application channel's name
//   app.onError(error => { ... });            // {code, message} from the server
//   app.onUndeployed(reason => { ... });      // 'replaced' | 'removed'; without one, replaced reloads the page
//   app.send({any: 'json'});                  // a promise that resolves when the server accepted it; sent
//                                             // again after a reconnection until then, never handled twice;
//                                             // its .delivered settles when the application reports its forward
//                                             // (resolves once a recipient's page handled it, or rejects with an
//                                             // Error whose .code is 'delivery-failed' and .reason e.g. EXPIRED,
//                                             // or the code of the server's refusal, such as 'not-permitted')
//   app.call('add', [1, 2], {timeout: 10000}) // a promise of the server function's result; rejects with an
//                                             // Error whose .code is not-found, not-permitted, invalid-arguments,
//                                             // timed-out, failed, bad-message or disconnected
//   thywill.onReady(() => { ... });           // runs once the first connection is up
//   thywill.onStateChange(state => { ... });  // 'connecting' | 'connected' | 'disconnected'
//   const [form, input] = thywill.elements('form', 'text');   // the page's elements by id, in order
//
// The page calls thywill.bootstrap(config) after every script has loaded, so handlers are in place first.
//
// Delivery: messages to the page's session carry a seq. Each is handed to the handlers once, in order; the
// library then acknowledges it (in its next /meta/connect, or within 100 ms) and remembers the last seq handled in sessionStorage, so that after a
// reconnection or a reload the server replays only what this page has not handled (documentation/protocol.md).
// Each also carries an id (mid), the same in every copy: a message a crashed node had delivered, replayed by
// another node under a new seq, is known by it (the last RECENT_IDS ids are remembered) and not handled again.
import { CometD, AckExtension } from './cometd/cometd.js';

const readyCallbacks = [];
const plugins = [];
const stateCallbacks = [];
const applications = new Map();
let cometd = null;
let config = null;
let state = 'connecting';
let ready = false;
let lastCallId = 0;
let lastSendId = 0;
// Unique enough to tell this page's sends apart from another tab's, which shares the session.
const pageId = Math.random().toString(36).slice(2) + Date.now().toString(36);
const HANDLED_KEY = 'thywill.handled';
const ACK_DELAY = 100;
const RECENT_IDS = 1000;
// Sends whose delivery the page may still learn of: the oldest is forgotten past this many.
const DELIVERIES_MAX = 1000;
// Latency: a numbered message's seq is the server's time of the send in microseconds; the library sets its clock
// by the server's at each handshake and reports, every few seconds, how long each message took to reach the end of
// the page's handlers (documentation/operations.md, thywill_client_handler_latency_seconds).
const LATENCY_REPORT_EVERY = 5000;
const LATENCY_SAMPLES_MAX = 200;
let clockOffset = null;
let handshakeSentAt = 0;
const handled = loadHandled();

function loadHandled() {
    try {
        return JSON.parse(sessionStorage.getItem(HANDLED_KEY)) || {};
    } catch (e) {
        return {};
    }
}

function saveHandled() {
    try {
        sessionStorage.setItem(HANDLED_KEY, JSON.stringify(handled));
    } catch (e) {
        // Storage refused (private mode, quota): a reload may then see a message again.
    }
}

function safely(fn, ...args) {
    try {
        fn(...args);
    } catch (e) {
        setTimeout(() => { throw e; });
    }
}

function setState(next) {
    if (next === state) {
        return;
    }
    state = next;
    stateCallbacks.forEach(fn => safely(fn, state));
}

class Application {
    constructor(id) {
        this.id = id;
        this.messageHandlers = [];
        this.errorHandlers = [];
        this.undeployedHandlers = [];
        this.undeployed = null;
        this.calls = new Map();
        this.unconfirmed = new Map();
        this.deliveries = new Map();
        this.ackTimer = null;
        this.acked = handled[id] || 0;
        this.latencies = [];
        // The ids of the last messages handled, oldest first.
        this.recentIds = new Set();
    }

    onMessage(handler) {
        this.messageHandlers.push(handler);
        return this;
    }

    onError(handler) {
        this.errorHandlers.push(handler);
        return this;
    }

    onUndeployed(handler) {
        this.undeployedHandlers.push(handler);
        return this;
    }

    // The promise of the server's acceptance, carrying .delivered: the promise of a receipt from the application.
    send(data) {
        if (!cometd) {
            return withDelivered(Promise.reject(
                new Error('thywill is not connected yet: send from thywill.onReady(...)')));
        }
        if (this.undeployed === 'removed') {
            return withDelivered(Promise.reject(new Error('the application ' + this.id + ' was removed from the server')));
        }
        const id = pageId + '-' + (++lastSendId);
        const accepted = new Promise((resolve, reject) => {
            this.unconfirmed.set(id, { data, resolve, reject });
            this.publishMessage(id);
        });
        const delivered = new Promise((resolve, reject) => this.deliveries.set(id, { resolve, reject }));
        if (this.deliveries.size > DELIVERIES_MAX) {
            this.deliveries.delete(this.deliveries.keys().next().value);
        }
        // A send the server refused is never delivered.
        accepted.catch(error => this.settleDelivery(id, error));
        return withDelivered(accepted, delivered);
    }

    // The application reported what became of a message this page sent (a receipt envelope).
    settleDelivery(id, error) {
        const pending = this.deliveries.get(id);
        if (!pending) {
            return;
        }
        this.deliveries.delete(id);
        if (error) {
            pending.reject(error);
        } else {
            pending.resolve({ id, outcome: 'delivered' });
        }
    }

    // Sends an unconfirmed message; one the transport lost is sent again by resendUnconfirmed() after the next
    // reconnection, with the same id, so the server passes it to the application once.
    publishMessage(id) {
        const pending = this.unconfirmed.get(id);
        if (!pending || pending.inFlight) {
            return;
        }
        pending.inFlight = true;
        cometd.publish('/service/thywill/' + this.id, { type: 'message', data: pending.data, id }, reply => {
            pending.inFlight = false;
            if (reply.successful) {
                this.unconfirmed.delete(id);
                pending.resolve();
            } else if (reply.error) {
                this.unconfirmed.delete(id);
                pending.reject(new Error(reply.error));
            }
        });
    }

    resendUnconfirmed() {
        [...this.unconfirmed.keys()].forEach(id => this.publishMessage(id));
    }

    // Handed to the handlers already (a replay, or a resend of the transport)? Messages to the session and to its
    // channels share one sequence per application.
    seen(envelope) {
        return typeof envelope.seq === 'number' && envelope.seq <= (handled[this.id] || 0);
    }

    // Handed to the handlers already under another seq? Remembers the id of one that was not.
    seenId(envelope) {
        if (typeof envelope.mid !== 'string') {
            return false;
        }
        if (this.recentIds.has(envelope.mid)) {
            return true;
        }
        this.recentIds.add(envelope.mid);
        if (this.recentIds.size > RECENT_IDS) {
            this.recentIds.delete(this.recentIds.values().next().value);
        }
        return false;
    }

    handledSeq(envelope) {
        if (typeof envelope.seq !== 'number') {
            return;
        }
        handled[this.id] = envelope.seq;
        saveHandled();
        if (!this.ackTimer) {
            this.ackTimer = setTimeout(() => this.acknowledge(), ACK_DELAY);
        }
    }

    // How long the message took from the application's send to here, by the server's clock.
    measure(envelope) {
        if (clockOffset !== null && typeof envelope.seq === 'number'
                && this.latencies.length < LATENCY_SAMPLES_MAX) {
            this.latencies.push(Math.max(0, Date.now() + clockOffset - envelope.seq / 1000));
        }
    }

    reportLatencies() {
        if (this.latencies.length > 0 && cometd && !cometd.isDisconnected()) {
            const ms = this.latencies.splice(0).map(v => Math.round(v * 10) / 10);
            cometd.publish('/service/thywill/' + this.id, { type: 'latency', ms });
        }
    }

    // The seq to acknowledge now, marked as acknowledged, or 0 if the server has been told already.
    takeAcknowledgement() {
        const seq = handled[this.id] || 0;
        if (seq > this.acked) {
            this.acked = seq;
            return seq;
        }
        return 0;
    }

    acknowledge() {
        this.ackTimer = null;
        const seq = handled[this.id] || 0;
        if (seq > this.acked && cometd && !cometd.isDisconnected()) {
            this.acked = seq;
            cometd.publish('/service/thywill/' + this.id, { type: 'ack', seq }, reply => {
                if (!reply.successful && this.acked === seq) {
                    this.acked = 0; // acknowledged again with the next message or reconnection
                }
            });
        }
    }

    // Calls a server function (a @Callable method of the application). The promise resolves to its result or
    // rejects with an Error whose .code says why; it always settles, at the latest after `timeout` ms.
    call(name, args = [], { timeout = 10000 } = {}) {
        if (!cometd || !cometd.getClientId()) {
            return Promise.reject(callError('disconnected', name,
                'thywill is not connected yet: call from thywill.onReady(...)'));
        }
        if (this.undeployed === 'removed') {
            return Promise.reject(callError('not-found', name, 'the application ' + this.id + ' was removed'));
        }
        if (!Array.isArray(args)) {
            return Promise.reject(callError('invalid-arguments', name, 'the arguments must be an array'));
        }
        const id = String(++lastCallId);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => this.settle(id, null, callError('timed-out', name,
                'no answer within ' + timeout + ' ms')), timeout);
            this.calls.set(id, { name, resolve, reject, timer, connection: cometd.getClientId() });
            cometd.publish('/service/thywill/' + this.id, { type: 'rpc', id, name, args, timeout }, reply => {
                if (!reply.successful) {
                    // Refused by the server (an error), or never delivered (a failure of the transport).
                    this.settle(id, null, callError(reply.error ? 'failed' : 'disconnected', name,
                        reply.error || 'the call could not be sent'));
                }
            });
        });
    }

    settle(id, result, error) {
        const pending = this.calls.get(id);
        if (!pending) {
            return;
        }
        this.calls.delete(id);
        clearTimeout(pending.timer);
        if (error) {
            pending.reject(error);
        } else {
            pending.resolve(result);
        }
    }

    // The connection that sent these calls has gone (a new handshake, or a disconnect): no answer will come.
    abandonCalls(liveConnection) {
        for (const [id, pending] of [...this.calls]) {
            if (pending.connection !== liveConnection) {
                this.settle(id, null, callError('disconnected', pending.name,
                    'the connection ended before the answer came'));
            }
        }
    }

    receive(envelope, channelName) {
        if (envelope && envelope.type === 'rpc-result') {
            this.settle(String(envelope.id), envelope.result, null);
        } else if (envelope && envelope.type === 'rpc-error') {
            const error = envelope.error || {};
            this.settle(String(envelope.id), null, callError(error.code || 'failed', null, error.message));
        } else if (envelope && envelope.type === 'message') {
            if (this.messageHandlers.length === 0 && config && this.id !== config.applicationId) {
                // Another application's message, which reaches every tab of the session: left for its own pages
                // to handle and acknowledge.
                return;
            }
            if (this.seen(envelope)) {
                return;
            }
            if (this.seenId(envelope)) {
                // Acknowledged under its new seq too, so that the server forgets this copy.
                this.handledSeq(envelope);
                return;
            }
            this.messageHandlers.forEach(fn => safely(fn, envelope.data, { channel: channelName }));
            this.measure(envelope);
            // Acknowledged only after every handler ran.
            this.handledSeq(envelope);
            if (typeof envelope.receipt === 'number' && cometd) {
                cometd.publish('/service/thywill/' + this.id, { type: 'ack', receipt: envelope.receipt });
            }
        } else if (envelope && envelope.type === 'error') {
            if (envelope.id !== undefined) {
                // The server refused one of this page's messages (not-permitted, ...): it is never delivered.
                const error = envelope.error || {};
                this.settleDelivery(String(envelope.id), callError(error.code || 'failed', null, error.message));
            }
            if (this.errorHandlers.length === 0) {
                console.warn('thywill: error from application ' + this.id, envelope.error);
            }
            this.errorHandlers.forEach(fn => safely(fn, envelope.error));
        } else if (envelope && envelope.type === 'receipt') {
            this.settleDelivery(String(envelope.id), envelope.outcome === 'delivered' ? null
                : deliveryError(envelope.reason));
        } else if (envelope && envelope.type === 'undeployed') {
            this.gone(envelope.reason);
        }
    }

    // The server stopped this page's application: 'replaced' by a new version, or 'removed'.
    gone(reason) {
        this.undeployed = reason;
        if (this.undeployedHandlers.length > 0) {
            this.undeployedHandlers.forEach(fn => safely(fn, reason));
        } else if (reason === 'replaced') {
            // The new version may have new scripts; a little jitter keeps every tab from reloading at once.
            console.warn('thywill: application ' + this.id + ' was replaced by a new version; reloading');
            setTimeout(() => location.reload(), 1000 + Math.random() * 1000);
        } else {
            console.warn('thywill: application ' + this.id + ' was removed from the server; no longer sending');
        }
    }
}

function callError(code, name, message) {
    const error = new Error(name ? name + ': ' + message : message);
    error.code = code;
    return error;
}

function deliveryError(reason) {
    const error = new Error('not delivered: ' + reason);
    error.code = 'delivery-failed';
    error.reason = reason;
    return error;
}

// Gives a send's promise its .delivered; a page that never asks for it gets no unhandled rejection from it.
function withDelivered(accepted, delivered = accepted) {
    delivered.catch(() => {});
    accepted.delivered = delivered;
    return accepted;
}

function abandonCalls() {
    const live = cometd && !cometd.isDisconnected() ? cometd.getClientId() : null;
    applications.forEach(app => app.abandonCalls(live));
}

// {appId: seq} of what was handled and not yet acknowledged, now counted as acknowledged; null if nothing.
function unacknowledged() {
    let acks = null;
    applications.forEach(app => {
        const seq = app.takeAcknowledgement();
        if (seq > 0) {
            acks = acks || {};
            acks[app.id] = seq;
        }
    });
    return acks;
}

function application(id) {
    let app = applications.get(id);
    if (!app) {
        app = new Application(id);
        applications.set(id, app);
    }
    return app;
}

function dispatch(message) {
    // /thywill/{appId} or /thywill/{appId}/channel/{name}
    const parts = message.channel.split('/');
    if (parts.length < 3) {
        return;
    }
    const channelName = parts.length >= 5 && parts[3] === 'channel' ? parts.slice(4).join('/') : null;
    application(parts[2]).receive(message.data, channelName);
}

function bootstrap(pageConfig) {
    if (cometd) {
        return;
    }
    config = pageConfig;
    const settings = (config.bootstrap && config.bootstrap.clientInterface) || {};
    cometd = new CometD();
    if (settings.websocket === false) {
        cometd.unregisterTransport('websocket');
    }
    cometd.configure({ url: location.origin + (settings.cometdPath || '/thywill/cometd') });
    // CometD resends what this connection did not confirm when its transport reconnects...
    cometd.registerExtension('ack', new AckExtension());
    // ...and every handshake tells the server what the page handled, so a new connection gets the rest, in order.
    // Numbered messages arrive in /meta/connect replies, and the next connect leaves once they are handled: it
    // carries their acknowledgement, so none needs a message of its own (the timer in handledSeq is the fallback).
    cometd.registerExtension('thywill-delivery', {
        outgoing: message => {
            if (message.channel === '/meta/handshake') {
                handshakeSentAt = Date.now();
                message.ext = message.ext || {};
                message.ext.thywill = Object.assign({}, message.ext.thywill, { ack: true, handled: { ...handled } });
            } else if (message.channel === '/meta/connect') {
                const acks = unacknowledged();
                if (acks) {
                    message.ext = message.ext || {};
                    message.ext.thywill = Object.assign({}, message.ext.thywill, { acks });
                }
            }
            return message;
        }
    });
    cometd.addListener('/thywill/**', dispatch);
    cometd.addListener('/meta/handshake', reply => {
        if (!reply.successful) {
            setState('disconnected');
        }
        const serverTime = reply.ext && reply.ext.thywill && reply.ext.thywill.serverTime;
        if (reply.successful && typeof serverTime === 'number') {
            const now = Date.now();
            // The reply was stamped about halfway through the round trip.
            clockOffset = serverTime + (now - handshakeSentAt) / 2 - now;
        }
        // A new handshake is a new connection: answers to calls sent on the old one will never arrive.
        abandonCalls();
    });
    cometd.addListener('/meta/disconnect', abandonCalls);
    cometd.addListener('/meta/connect', reply => {
        if (cometd.isDisconnected()) {
            setState('disconnected');
        } else if (reply.successful) {
            if (state !== 'connected') {
                applications.forEach(app => {
                    app.acked = 0;
                    app.acknowledge();
                    app.resendUnconfirmed();
                });
            }
            setState('connected');
            if (!ready) {
                ready = true;
                readyCallbacks.splice(0).forEach(fn => safely(fn));
            }
        } else {
            setState('disconnected');
        }
    });
    setInterval(() => applications.forEach(app => app.reportLatencies()), LATENCY_REPORT_EVERY);
    window.addEventListener('pagehide', () => cometd.disconnect());
    // Plugins (thywill-auth.js) join before the first handshake, which waits for what they must fetch first.
    Promise.all(plugins.map(plugin => Promise.resolve().then(() => plugin(cometd, config))))
        .catch(e => console.warn('thywill: a plugin failed before the handshake', e))
        .then(() => cometd.handshake({ ext: { thywill: { application: config.applicationId } } }));
}

const thywill = {
    bootstrap,
    application,
    get app() {
        return application((config || window.thywillConfig || {}).applicationId);
    },
    get config() {
        return config || window.thywillConfig;
    },
    get state() {
        return state;
    },
    get connectionId() {
        return cometd ? cometd.getClientId() || null : null;
    },
    onReady(fn) {
        if (ready) {
            setTimeout(fn);
        } else {
            readyCallbacks.push(fn);
        }
    },
    ready() {
        return new Promise(resolve => thywill.onReady(resolve));
    },
    onStateChange(fn) {
        stateCallbacks.push(fn);
    },
    // Every page script starts by looking up its elements; one call does it, and a page that lost an element
    // fails here, naming the id, rather than later on a null.
    elements(...ids) {
        return ids.map(id => {
            const element = document.getElementById(id);
            if (!element) {
                throw new Error('thywill.elements: this page has no element with id "' + id + '"');
            }
            return element;
        });
    },
    // For another script of the page to take part in the connection: plugin(cometd, config) runs before the
    // first handshake, which waits for the promise it may return. Call it before thywill.bootstrap(...).
    use(plugin) {
        plugins.push(plugin);
    },
    disconnect() {
        if (cometd) {
            cometd.disconnect();
        }
    }
};

window.thywill = thywill;
export default thywill;
