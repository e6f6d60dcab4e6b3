// The calculations page: every button calls a server function and shows its answer with textContent.
const app = thywill.app;
const [a, b, result, count, state] = thywill.elements('a', 'b', 'result', 'count', 'state');
const buttons = [...document.querySelectorAll('button')];

// An empty field is sent as null, so the server's invalid-arguments answer can be seen.
function number(input) {
    return input.value.trim() === '' ? null : Number(input.value);
}

function format(value) {
    return typeof value === 'number' ? String(Number(value.toPrecision(12))) : JSON.stringify(value);
}

function show(kind, ...parts) {
    result.className = 'result ' + kind;
    result.replaceChildren(...parts.map(part => {
        if (typeof part === 'string') {
            return document.createTextNode(part);
        }
        const span = document.createElement('span');
        span.className = part.className;
        span.textContent = part.text;
        return span;
    }));
}

function showError(error) {
    result.dataset.code = error.code || '';
    show('error', { className: 'code', text: error.code || 'error' }, ' ', error.message);
}

async function call(name, args, describe, options) {
    show('waiting', describe + ' …');
    delete result.dataset.code;
    try {
        const value = await app.call(name, args, options);
        result.dataset.code = 'ok';
        show('ok', describe + ' = ' + format(value));
        refreshCount();
    } catch (error) {
        showError(error);
    }
}

async function refreshCount() {
    try {
        count.textContent = String(await app.call('count'));
    } catch (error) {
        count.textContent = '?';
    }
}

function text(value) {
    return value === null ? 'null' : String(value);
}

document.querySelectorAll('button[data-function]').forEach(button => {
    button.addEventListener('click', () => {
        const x = number(a);
        const y = number(b);
        const symbol = button.dataset.symbol;
        if (button.hasAttribute('data-unary')) {
            call(button.dataset.function, [x], symbol === '²' ? text(x) + '²' : '√' + text(x));
        } else {
            call(button.dataset.function, [x, y], text(x) + ' ' + symbol + ' ' + text(y));
        }
    });
});

document.getElementById('slow').addEventListener('click', () => {
    const ms = number(a);
    call('slow', [ms], 'waited (ms)', { timeout: 2000 });
});

document.getElementById('reset').addEventListener('click', () => call('adminReset', [], 'count before the reset'));

document.getElementById('other').addEventListener('submit', event => {
    event.preventDefault();
    const name = document.getElementById('function').value.trim();
    if (name) {
        call(name, [number(a), number(b)], name + '(' + text(number(a)) + ', ' + text(number(b)) + ')');
    }
});

thywill.onStateChange(s => {
    state.textContent = s;
    state.className = 'state ' + s;
    buttons.forEach(button => { button.disabled = s !== 'connected'; });
});
thywill.onReady(refreshCount);
