// Live resources in the browser: the generated pages (/thywill/init/{app}/resources/{name}, and the index at
// /resources/ or at the root of an application without a page of its own), and window.thywillResources for an
// application's own pages:
//
//   const posts = thywillResources.resource('posts');
//   posts.onChange(change => { ... });        // {resource, change: 'created'|'updated'|'deleted', id, row}
//   posts.watch();                            // or posts.watch(42) for one row; a promise, rejects when refused
//   await posts.list({limit: 20, sort: '-id', user_id: 3});   // {items, total, offset, limit}
//   await posts.create({content: 'hi'}); await posts.update(42, {...}); await posts.remove(42);
//
// REST calls reject with an Error whose .status, .field and .message come from the server's answer.

const thywill = window.thywill;
const app = thywill.app;
const appId = thywill.config.applicationId;
const base = '/api/' + appId + '/';
const listeners = new Map();

app.onMessage(data => {
    if (data && typeof data === 'object' && typeof data.resource === 'string' && typeof data.change === 'string') {
        (listeners.get(data.resource) || []).forEach(fn => {
            try {
                fn(data);
            } catch (e) {
                console.error(e);
            }
        });
    }
});

async function request(method, path, body) {
    const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
        options.headers['Content-Type'] = 'application/json';
        options.body = JSON.stringify(body);
    }
    const response = await fetch(base + path, options);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
        const error = (json && json.error) || { status: response.status, message: response.statusText };
        const e = new Error(error.message);
        e.status = error.status;
        e.field = error.field || null;
        throw e;
    }
    return json;
}

function ready() {
    return new Promise(resolve => thywill.onReady(resolve));
}

class ResourceHandle {
    constructor(name) {
        this.name = name;
    }

    onChange(handler) {
        if (!listeners.has(this.name)) {
            listeners.set(this.name, []);
        }
        listeners.get(this.name).push(handler);
        return this;
    }

    async watch(id = null) {
        await ready();
        const answer = await app.call('resources.watch', [this.name, id]);
        if (answer && answer.error) {
            const e = new Error(answer.error.message);
            e.status = answer.error.status;
            throw e;
        }
        return answer;
    }

    list(query = {}) {
        const params = new URLSearchParams();
        Object.entries(query).forEach(([k, v]) => params.set(k, v === null ? 'null' : String(v)));
        const q = params.toString();
        return request('GET', this.name + (q ? '?' + q : ''));
    }

    read(id) {
        return request('GET', this.name + '/' + encodeURIComponent(id));
    }

    create(row) {
        return request('POST', this.name, row);
    }

    update(id, changes) {
        return request('PATCH', this.name + '/' + encodeURIComponent(id), changes);
    }

    remove(id) {
        return request('DELETE', this.name + '/' + encodeURIComponent(id));
    }
}

window.thywillResources = {
    resource: name => new ResourceHandle(name),
    schema: () => request('GET', ''),
};

// ---- The generated pages ----

function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([k, v]) => {
        if (k === 'text') {
            node.textContent = v;
        } else if (k.startsWith('on')) {
            node.addEventListener(k.substring(2), v);
        } else if (v !== null && v !== undefined && v !== false) {
            node.setAttribute(k, v === true ? '' : v);
        }
    });
    children.forEach(c => node.append(c));
    return node;
}

function shell() {
    [...document.body.children].forEach(child => {
        if (child.tagName !== 'SCRIPT') {
            child.hidden = true;
        }
    });
    const main = el('main', { id: 'thywill-resources', class: 'thywill-resources' });
    document.body.prepend(main);
    return main;
}

function show(value) {
    return value === null || value === undefined ? '' : String(value);
}

function parseInput(column, input) {
    if (column.type === 'boolean') {
        return input.checked;
    }
    const text = input.value;
    if (text === '' && column.nullable) {
        return null;
    }
    if ((column.type === 'integer' || column.type === 'number') && text.trim() !== '' && !isNaN(Number(text))) {
        return Number(text);
    }
    return text;
}

// The rows a page may choose from for each related resource, by resource name: {key, label, rows} once loaded.
const choices = new Map();

function inputFor(column, value) {
    const related = column.references && choices.get(column.references.resource);
    if (related && related.rows) {
        const select = el('select', { name: column.name, 'data-references': column.references.resource });
        select.append(el('option', { value: '', text: column.nullable ? '(none)' : '(choose)' }));
        related.rows.forEach(row => select.append(el('option', {
            value: show(row[related.key]), text: show(row[related.label]) + ' (' + show(row[related.key]) + ')',
            selected: show(row[related.key]) === show(value),
        })));
        return select;
    }
    if (column.type === 'boolean') {
        return el('input', { type: 'checkbox', name: column.name, checked: value === true });
    }
    return el('input', { name: column.name, value: show(value), placeholder: column.type + (column.required ? ' (required)' : '') });
}

async function renderIndex(main) {
    main.append(el('h1', { text: (thywill.config.application && thywill.config.application.title) || document.title || appId }));
    const list = el('ul', { id: 'resource-index' });
    main.append(el('p', { text: 'Resources of ' + appId + ', live: open one in two windows and change it.' }), list);
    const schema = await window.thywillResources.schema();
    for (const r of schema.resources) {
        const count = el('span', { class: 'count' });
        list.append(el('li', {}, el('a', { href: r.page, text: r.name }), ' ', count,
            ' ', el('code', { text: 'GET ' + r.url })));
        request('GET', r.name + '?limit=1').then(p => { count.textContent = '(' + p.total + ')'; }, () => {});
    }
}

// Loads the rows each relation of the resource may refer to, for its selects: up to 500, by their label.
async function loadChoices(schema, columns) {
    await Promise.all(columns.filter(c => c.references).map(async c => {
        const target = schema.resources.find(r => r.name === c.references.resource);
        const entry = { key: target.primaryKey, label: target.label, rows: null, readable: true };
        choices.set(target.name, entry);
        try {
            const page = await request('GET', target.name + '?limit=500&sort=' + encodeURIComponent(target.label));
            entry.rows = page.total <= page.items.length ? page.items : null;
        } catch (e) {
            // The rule refuses the list: the column is shown and edited as a plain value, never expanded.
            entry.rows = null;
            entry.readable = e.status !== 403;
        }
    }));
}

async function renderResource(main, name) {
    const schema = await window.thywillResources.schema();
    const resource = schema.resources.find(r => r.name === name);
    const handle = window.thywillResources.resource(name);
    const columns = resource.columns;
    const filters = {};
    new URLSearchParams(location.search).forEach((v, k) => { filters[k] = v; });
    await loadChoices(schema, columns);
    const relations = columns.filter(c => c.references && choices.get(c.references.resource).readable).map(c => ({
        column: c.name, name: c.references.relation,
        target: schema.resources.find(r => r.name === c.references.resource),
    }));
    const related = new Map(relations.map(r => [r.name, new Map()]));
    const key = resource.primaryKey;
    const writable = columns.filter(c => !c.generated && !(c.primaryKey && c.generated));
    const state = { offset: 0, limit: 20, sort: key, total: 0, rows: new Map(), deleted: new Set() };

    const nav = el('nav', {}, el('a', { href: '/thywill/init/' + appId + '/resources/', text: 'All resources' }),
        ...schema.resources.filter(r => r.name !== name).map(r => el('a', { href: r.page, text: r.name })));
    const error = el('p', { id: 'resource-error', class: 'error', role: 'alert' });
    const status = el('p', { id: 'resource-status', class: 'status' });
    const head = el('tr', {}, ...columns.map(c => el('th', {
        text: c.name, title: c.sqlType + (c.required ? ', required' : ''), 'data-column': c.name,
        onclick: () => { state.sort = state.sort === c.name ? '-' + c.name : c.name; load(); },
    })), el('th', { text: '' }));
    const body = el('tbody', { id: 'resource-rows' });
    const form = el('form', { id: 'resource-create' }, ...writable.map(c => el('label', {}, c.name + ' ', inputFor(c, null))),
        el('button', { type: 'submit', text: 'Create' }));
    const pager = el('p', { class: 'pager' },
        el('button', { type: 'button', id: 'resource-previous', text: 'Previous', onclick: () => { state.offset = Math.max(0, state.offset - state.limit); load(); } }),
        el('button', { type: 'button', id: 'resource-next', text: 'Next', onclick: () => { if (state.offset + state.limit < state.total) { state.offset += state.limit; load(); } } }));
    const filtered = Object.keys(filters).length === 0 ? '' : el('p', { id: 'resource-filter' },
        'Showing ' + Object.entries(filters).map(([k, v]) => k + ' = ' + v).join(', ') + ' · ',
        el('a', { href: resource.page, text: 'all rows' }));
    main.append(el('h1', { text: name }), nav, el('p', { class: 'api', text: 'REST: ' + resource.url }), filtered, error,
        form, el('table', {}, el('thead', {}, head), body), pager, status);

    function fail(e) {
        error.textContent = (e.field ? e.field + ': ' : '') + e.message;
    }

    function updateStatus() {
        status.textContent = state.total === 0 ? 'No rows.' : 'Rows ' + (state.offset + 1) + ' to '
            + Math.min(state.total, state.offset + body.children.length) + ' of ' + state.total + '.';
    }

    function rowElement(row) {
        const id = row[key];
        const tr = el('tr', { 'data-id': show(id) });
        const cells = columns.map(c => el('td', { 'data-column': c.name }, cellContent(c, row)));
        const edit = el('button', { type: 'button', class: 'edit', text: 'Edit' });
        const remove = el('button', { type: 'button', class: 'delete', text: 'Delete' });
        tr.append(...cells, el('td', { class: 'actions' }, edit, remove));
        edit.addEventListener('click', () => {
            const inputs = new Map();
            columns.forEach((c, i) => {
                if (writable.includes(c) && !c.primaryKey) {
                    const input = inputFor(c, row[c.name]);
                    inputs.set(c, input);
                    cells[i].replaceChildren(input);
                }
            });
            const save = el('button', { type: 'button', class: 'save', text: 'Save' });
            const cancel = el('button', { type: 'button', class: 'cancel', text: 'Cancel' });
            tr.lastChild.replaceChildren(save, cancel);
            cancel.addEventListener('click', () => tr.replaceWith(rowElement(state.rows.get(show(id)) || row)));
            save.addEventListener('click', () => {
                const changes = {};
                inputs.forEach((input, c) => { changes[c.name] = parseInput(c, input); });
                handle.update(id, changes).then(updated => { error.textContent = ''; place(updated); }, fail);
            });
        });
        remove.addEventListener('click', () => handle.remove(id).then(() => { error.textContent = ''; drop(id); }, fail));
        return tr;
    }

    // A related row is shown by its label, linked to its resource's page filtered to it.
    function cellContent(column, row) {
        const relation = relations.find(r => r.column === column.name);
        const value = row[column.name];
        if (!relation || value === null || value === undefined) {
            return show(value);
        }
        const target = relation.target;
        const known = related.get(relation.name).get(show(value));
        const link = el('a', { href: target.page + '?' + encodeURIComponent(target.primaryKey) + '='
            + encodeURIComponent(show(value)), 'data-related': target.name,
            text: known ? show(known[target.label]) : '#' + show(value) });
        if (!known) {
            window.thywillResources.resource(target.name).read(value).then(found => {
                related.get(relation.name).set(show(value), found);
                link.textContent = show(found[target.label]);
            }, () => {});
        }
        return link;
    }

    function remember(row) {
        relations.forEach(r => {
            if (row[r.name]) {
                related.get(r.name).set(show(row[r.column]), row[r.name]);
            }
        });
    }

    function place(row) {
        const id = show(row[key]);
        if (state.deleted.has(id)) {
            return;
        }
        const known = state.rows.has(id);
        state.rows.set(id, row);
        const existing = body.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
        if (existing) {
            existing.replaceWith(rowElement(row));
        } else {
            body.append(rowElement(row));
            if (!known) {
                state.total += 1;
            }
        }
        updateStatus();
    }

    function drop(rawId) {
        const id = show(rawId);
        state.deleted.add(id);
        const existing = body.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
        if (existing) {
            existing.remove();
        }
        if (state.rows.delete(id)) {
            state.total = Math.max(0, state.total - 1);
        }
        updateStatus();
    }

    async function load() {
        try {
            const query = Object.assign({}, filters, { offset: state.offset, limit: state.limit, sort: state.sort });
            if (relations.length > 0) {
                query.expand = relations.map(r => r.name).join(',');
            }
            const page = await handle.list(query);
            state.total = page.total;
            state.rows.clear();
            body.replaceChildren();
            page.items.forEach(row => {
                remember(row);
                state.rows.set(show(row[key]), row);
                body.append(rowElement(row));
            });
            updateStatus();
        } catch (e) {
            fail(e);
        }
    }

    form.addEventListener('submit', e => {
        e.preventDefault();
        const row = {};
        writable.forEach(c => {
            const input = form.querySelector('[name="' + c.name + '"]');
            const value = parseInput(c, input);
            if (!(value === '' && !c.required) && value !== null) {
                row[c.name] = value;
            }
        });
        handle.create(row).then(created => {
            error.textContent = '';
            form.reset();
            place(created);
        }, fail);
    });

    handle.onChange(change => {
        if (change.change === 'deleted') {
            drop(change.id);
        } else if (change.row) {
            place(change.row);
        }
    });
    // A related row that changes (a user renamed) is shown anew in every row that refers to it.
    relations.forEach(relation => {
        const target = window.thywillResources.resource(relation.target.name);
        target.onChange(change => {
            if (change.row) {
                related.get(relation.name).set(show(change.id), change.row);
            }
            state.rows.forEach(row => {
                if (show(row[relation.column]) === show(change.id)) {
                    place(row);
                }
            });
        });
        if (relation.target.name !== name) {
            target.watch().catch(() => {});
        }
    });
    // Watch first, then list: a change made in between arrives as a message and is applied on top of the list.
    main.dataset.watching = 'pending';
    try {
        await handle.watch();
        main.dataset.watching = 'yes';
    } catch (e) {
        main.dataset.watching = 'no';
        fail(e);
    }
    await load();
}

const path = thywill.config.path || '/';
const page = /^\/resources\/(?:([a-z][a-z0-9_-]*)\/?)?$/.exec(path);
const bare = [...document.body.children].every(c => c.tagName === 'SCRIPT');
if (page || (path === '/' && bare)) {
    const main = shell();
    (page && page[1] ? renderResource(main, page[1]) : renderIndex(main)).catch(e => {
        main.append(el('p', { class: 'error', text: e.message }));
    });
}
