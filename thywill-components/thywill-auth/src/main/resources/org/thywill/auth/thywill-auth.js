// Thywill's authentication in the browser, served by thywill-auth (documentation/authentication.md). It adds:
//
//   thywill.auth(() => token);           // how the page gets its user's token: a function returning the token, or
//                                        // a promise of it; asked before the first handshake and again before the
//                                        // token expires, and the new token is sent over the live connection
//   thywill.onAuthError(error => { });   // {code, message}: a refused handshake, a refused refresh, or the
//                                        // connection closed because its token expired unrefreshed, or because
//                                        // the application logged the user out everywhere (code signed-out)
//   thywill.user                         // {id} of the connection's user, or null (anonymous, or not connected)
//
// The token goes in the handshake's ext.thywill.token; the server's reply names the user and says when the token
// expires (ext.thywill.auth: {user, expires, expiresIn}); a refresh is {token} published on REFRESH_CHANNEL.
const REFRESH_CHANNEL = '/service/thywill/auth/refresh';
const EXPIRED_CHANNEL = '/service/thywill/auth/expired';
const CLOSED_CHANNEL = '/service/thywill/auth/closed';
// Codes of a refusal that a new token may cure: the library asks the page for one and tries once more.
const RENEWABLE = new Set(['token-expired']);
const MIN_RETRY = 1000;
const MAX_RETRY = 10000;

const thywill = window.thywill;
const params = (window.thywillConfig && window.thywillConfig.bootstrap
    && window.thywillConfig.bootstrap.authentication) || {};
const refreshBefore = Number.isFinite(params.refreshBeforeMillis) ? params.refreshBeforeMillis : 60000;
const errorHandlers = [];
let supplier = null;
let token = null;
let user = null;
let refreshTimer = null;
let expiresAt = null;
let renewing = false;

function report(error) {
    if (errorHandlers.length === 0) {
        console.warn('thywill: authentication: ' + error.code + ': ' + error.message);
    }
    errorHandlers.forEach(fn => {
        try {
            fn(error);
        } catch (e) {
            setTimeout(() => { throw e; });
        }
    });
}

// Asks the page for its token; keeps the last one when the page has none to give.
function fetchToken() {
    if (!supplier) {
        return Promise.resolve(null);
    }
    return Promise.resolve().then(supplier).then(given => {
        token = typeof given === 'string' && given !== '' ? given : token;
        return token;
    }, e => {
        report({ code: 'no-token', message: 'the page could not get a token: ' + e });
        return token;
    });
}

function errorOf(reply) {
    const ext = reply && reply.ext && reply.ext.thywill;
    return ext && ext.error ? ext.error : null;
}

// Plans the next refresh: refreshBefore ahead of the expiry, at the latest halfway through what is left.
function schedule(cometd, expiresIn) {
    clearTimeout(refreshTimer);
    refreshTimer = null;
    if (typeof expiresIn !== 'number') {
        expiresAt = null;
        return;
    }
    expiresAt = Date.now() + expiresIn;
    const wait = Math.max(0, expiresIn - Math.min(refreshBefore, expiresIn / 2));
    refreshTimer = setTimeout(() => refresh(cometd), wait);
}

function refresh(cometd) {
    fetchToken().then(fresh => {
        if (cometd.isDisconnected()) {
            return;
        }
        // Without a token (a page signed in by the host's cookie) the server asks the login about the cookies.
        cometd.publish(REFRESH_CHANNEL, fresh ? { token: fresh } : {}, reply => {
            const auth = reply.ext && reply.ext.thywill && reply.ext.thywill.auth;
            if (reply.successful && auth) {
                schedule(cometd, auth.expiresIn);
                return;
            }
            report(errorOf(reply) || { code: 'refresh-failed', message: reply.error || 'the refresh was not sent' });
            // Tried again while the old token lasts.
            const left = expiresAt === null ? 0 : expiresAt - Date.now();
            if (left > 2 * MIN_RETRY) {
                clearTimeout(refreshTimer);
                refreshTimer = setTimeout(() => refresh(cometd), Math.min(MAX_RETRY, Math.max(MIN_RETRY, left / 2)));
            }
        });
    });
}

function plugin(cometd, config) {
    cometd.registerExtension('thywill-auth', {
        outgoing: message => {
            if (message.channel === '/meta/handshake' && token) {
                message.ext = message.ext || {};
                message.ext.thywill = Object.assign({}, message.ext.thywill, { token });
            }
            return message;
        }
    });
    cometd.addListener('/meta/handshake', reply => {
        const ext = (reply.ext && reply.ext.thywill) || {};
        if (reply.successful) {
            renewing = false;
            user = ext.auth && ext.auth.user ? { id: ext.auth.user } : null;
            schedule(cometd, ext.auth ? ext.auth.expiresIn : undefined);
            return;
        }
        user = null;
        const error = errorOf(reply);
        if (!error || error.code === 'unknown-application' || error.code === 'too-many-connections') {
            return;
        }
        if (RENEWABLE.has(error.code) && supplier && !renewing) {
            // A reconnection after the token ran out (a laptop asleep): ask for a new one and try once more.
            renewing = true;
            const stale = token;
            fetchToken().then(fresh => {
                if (fresh && fresh !== stale) {
                    cometd.handshake({ ext: { thywill: { application: config.applicationId } } });
                } else {
                    report(error);
                }
            });
            return;
        }
        report(error);
    });
    [EXPIRED_CHANNEL, CLOSED_CHANNEL].forEach(channel => cometd.addListener(channel, message => {
        clearTimeout(refreshTimer);
        user = null;
        if (channel === CLOSED_CHANNEL) {
            // Logged out everywhere: the token this page holds may still be valid, so it must not reconnect with it.
            token = null;
            cometd.disconnect();
        }
        report(message.data);
    }));
    return fetchToken();
}

thywill.use(plugin);
thywill.auth = fn => {
    if (typeof fn !== 'function') {
        throw new TypeError('thywill.auth needs a function returning the token (or a promise of it)');
    }
    supplier = fn;
};
thywill.onAuthError = fn => {
    errorHandlers.push(fn);
};
Object.defineProperty(thywill, 'user', { get: () => user, enumerable: true });
