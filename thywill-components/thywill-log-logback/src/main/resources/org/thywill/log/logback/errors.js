// Reports this page's uncaught errors and unhandled promise rejections to the server log, so errors that only
// happen in some user's browser are seen. Served by thywill-log-logback; its parameters come from the page's
// bootstrap configuration (window.thywillConfig.bootstrap.log), with these defaults when it has none.

const defaults = { clientErrorsUrl: '/thywill/log/client-error', maxPerMinute: 10 };
const given = (window.thywillConfig && window.thywillConfig.bootstrap && window.thywillConfig.bootstrap.log) || {};
const url = typeof given.clientErrorsUrl === 'string' ? given.clientErrorsUrl : defaults.clientErrorsUrl;
const maxPerMinute = Number.isFinite(given.maxPerMinute) ? given.maxPerMinute : defaults.maxPerMinute;

// The server keeps at most 1000 characters of a field and 4000 of a stack, and refuses bodies over 16 KiB.
const MAX_FIELD = 1000;
const MAX_STACK = 4000;

let windowStart = 0;
let sentInWindow = 0;

function allowed() {
  const now = Date.now();
  if (now - windowStart >= 60000) {
    windowStart = now;
    sentInWindow = 0;
  }
  if (sentInWindow >= maxPerMinute) {
    return false;
  }
  sentInWindow += 1;
  return true;
}

function text(value, max) {
  if (value === undefined || value === null) {
    return null;
  }
  let string;
  try {
    string = String(value);
  } catch (e) {
    string = Object.prototype.toString.call(value);
  }
  return string.length > max ? string.slice(0, max) : string;
}

function position(value) {
  return Number.isFinite(value) && value > 0 ? value : null;
}

function connection() {
  return (window.thywill && window.thywill.connectionId) || null;
}

function send(report) {
  if (!allowed()) {
    return;
  }
  try {
    fetch(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report)
    }).catch(() => {
      // Reporting is best effort; a failed report must not raise an error of its own.
    });
  } catch (e) {
    // Same: never let the reporter itself throw into the page.
  }
}

window.addEventListener('error', (event) => {
  const error = event.error;
  send({
    message: text(event.message || (error && error.message), MAX_FIELD),
    source: text(event.filename, MAX_FIELD),
    line: position(event.lineno),
    column: position(event.colno),
    stack: text(error && error.stack, MAX_STACK),
    page: location.pathname,
    connection: connection()
  });
});

window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  const message = reason && reason.message !== undefined ? reason.message : reason;
  send({
    message: text('Unhandled promise rejection: ' + text(message, MAX_FIELD), MAX_FIELD),
    source: null,
    line: null,
    column: null,
    stack: text(reason && reason.stack, MAX_STACK),
    page: location.pathname,
    connection: connection()
  });
});
