// The chat page. Everything people typed is shown with textContent, never parsed as HTML.
const app = thywill.app;
const [state, me, renameForm, nameInput, renameButton, onlineList, onlineCount, messages, sendForm, textInput,
    sendButton] = thywill.elements('state', 'me', 'rename-form', 'name', 'rename', 'online', 'online-count',
    'messages', 'send-form', 'text', 'send');

let myName = null;
const online = new Set();

function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
        e.className = className;
    }
    if (text !== undefined) {
        e.textContent = text;
    }
    return e;
}

function time(at) {
    return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function append(item) {
    const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
    messages.appendChild(item);
    if (atBottom) {
        messages.scrollTop = messages.scrollHeight;
    }
}

function showMessage(data) {
    const item = element('li', data.from === myName ? 'message mine' : 'message');
    item.append(element('span', 'time', time(data.at)), element('span', 'from', data.from),
        element('span', 'text', data.text));
    append(item);
}

function showNotice(text, at, kind) {
    const item = element('li', 'notice' + (kind ? ' ' + kind : ''));
    if (at) {
        item.append(element('span', 'time', time(at)));
    }
    item.append(element('span', 'text', text));
    append(item);
}

function showMe() {
    me.textContent = myName || '…';
}

function showOnline() {
    onlineList.replaceChildren(...[...online].sort((a, b) => a.localeCompare(b)).map(name => {
        const item = element('li', name === myName ? 'you' : '', name);
        if (name === myName) {
            item.append(element('span', 'tag', 'you'));
        }
        return item;
    }));
    onlineCount.textContent = String(online.size);
}

const events = {
    welcome(data) {
        myName = data.name;
        online.clear();
        data.online.forEach(name => online.add(name));
        online.add(myName);
        showNotice('Welcome! You are ' + myName + '.', Date.now());
    },
    joined(data) {
        online.add(data.name);
        showNotice(data.name + ' joined', data.at);
    },
    left(data) {
        online.delete(data.name);
        showNotice(data.name + ' left', data.at);
    },
    renamed(data) {
        online.delete(data.from);
        online.add(data.to);
        if (data.from === myName) {
            myName = data.to;
            showNotice('You are now ' + data.to, data.at);
        } else {
            showNotice(data.from + ' is now ' + data.to, data.at);
        }
    },
    error(data) {
        showNotice(data.message, null, 'error');
    }
};

app.onMessage(data => {
    if (data && typeof data.event === 'string' && events[data.event]) {
        events[data.event](data);
        showMe();
        showOnline();
    } else if (data && typeof data.text === 'string') {
        showMessage(data);
    }
});
app.onError(error => showNotice(error.code + ': ' + error.message, null, 'error'));

thywill.onStateChange(s => {
    state.textContent = s;
    state.className = 'state ' + s;
    sendButton.disabled = renameButton.disabled = s !== 'connected';
});

function submit(form, input, data) {
    form.addEventListener('submit', event => {
        event.preventDefault();
        const value = input.value.trim();
        if (value) {
            app.send(data(value)).catch(e => showNotice('Not sent: ' + e.message, null, 'error'));
            input.value = '';
        }
        input.focus();
    });
}

submit(sendForm, textInput, text => ({ text }));
submit(renameForm, nameInput, name => ({ name }));
