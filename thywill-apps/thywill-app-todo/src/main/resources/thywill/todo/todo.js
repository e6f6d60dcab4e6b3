// The todo page: the server owns the list; this page shows it and asks for changes. Item text is only ever
// set with textContent, never parsed as HTML.
const app = thywill.app;
const [state, loading, empty, list, form, input, addButton, errorLine] = thywill.elements('state', 'loadingBar',
    'empty', 'todo', 'form', 'next', 'add', 'error');

const rows = new Map(); // item id -> <li>
let loaded = false;
let errorTimer = null;

function showError(message) {
    errorLine.textContent = message;
    errorLine.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => { errorLine.hidden = true; }, 6000);
}

function refresh() {
    loading.hidden = loaded;
    empty.hidden = !loaded || rows.size > 0;
}

function row(item) {
    const li = document.createElement('li');
    li.className = 'item';
    li.id = 'todo' + item.id;
    li.dataset.id = String(item.id);
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = item.text;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove: ' + item.text);
    remove.addEventListener('click', () => {
        remove.disabled = true;
        app.send({ remove: item.id }).catch(e => {
            remove.disabled = false;
            showError('Not sent: ' + e.message);
        });
    });
    li.append(text, remove);
    return li;
}

function added(item) {
    if (rows.has(item.id)) {
        return;
    }
    const li = row(item);
    rows.set(item.id, li);
    // Ids grow with time, so keeping them sorted keeps the list in the order items were added.
    const after = [...rows.keys()].filter(id => id > item.id).sort((a, b) => a - b)[0];
    list.insertBefore(li, after === undefined ? null : rows.get(after));
}

function removed(id) {
    const li = rows.get(id);
    if (li) {
        li.remove();
        rows.delete(id);
    }
}

app.onMessage(data => {
    if (!data || typeof data !== 'object') {
        return;
    }
    if (Array.isArray(data.items)) {
        rows.clear();
        list.replaceChildren();
        data.items.forEach(added);
        loaded = true;
    } else if (data.added) {
        added(data.added);
    } else if ('removed' in data) {
        removed(data.removed);
    } else if (typeof data.error === 'string') {
        showError(data.error);
        list.querySelectorAll('button.remove').forEach(b => { b.disabled = false; });
    }
    refresh();
});
app.onError(error => showError(error.code + ': ' + error.message));

thywill.onStateChange(s => {
    state.textContent = s;
    state.className = 'state ' + s;
    addButton.disabled = s !== 'connected';
});

form.addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) {
        app.send({ add: text }).catch(e => showError('Not sent: ' + e.message));
        input.value = '';
    }
    input.focus();
});
