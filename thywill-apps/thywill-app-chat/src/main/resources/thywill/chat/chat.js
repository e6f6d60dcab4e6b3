// The chat page. Everything people typed is shown with textContent, never parsed as HTML.
const app = thywill.app;
const [state, me, renameForm, nameInput, renameButton, onlineList, onlineCount, messages, sendForm, textInput,
    sendButton] = thywill.elements('state', 'me', 'rename-form', 'name', 'rename', 'online', 'online-count',
    'messages', 'send-form', 'text', 'send');

let myName = null;
const online = new Set();

// The demonstration's sign-in (documentation/authentication.md): the server signs a token for the name typed here,
// when its settings turn demoLogin on. The name is kept in this browser, so every tab and reload is signed in.
const USER_KEY = 'thywill.chat.user';
const signInForm = document.getElementById('sign-in-form');
const signOutButton = document.getElementById('sign-out');
const authSettings = (thywill.config && thywill.config.bootstrap && thywill.config.bootstrap.authentication) || {};
const demoLogin = authSettings.demoLogin === true;

function storedUser() {
    try {
        return localStorage.getItem(USER_KEY);
    } catch (e) {
        return null;
    }
}

thywill.auth(() => {
    const name = storedUser();
    if (!demoLogin || !name) {
        return null;
    }
    return fetch('/thywill/demo-login/token?name=' + encodeURIComponent(name))
        .then(response => response.ok ? response.text() : response.text().then(t => Promise.reject(new Error(t))));
});
// Signing out here signs this person out on every browser of theirs (ChatApplication ends them all, this one
// included): this page then reloads as a guest; the others say so and stay disconnected until signed in again.
let signingOut = false;
thywill.onAuthError(error => {
    if (error.code !== 'signed-out') {
        showNotice('Sign-in: ' + error.message, null, 'error');
        return;
    }
    forgetUser();
    if (signingOut) {
        location.reload();
        return;
    }
    // Disconnected for good: nobody to be, nobody known online, nothing to rename until signed in again.
    myName = null;
    online.clear();
    showMe();
    showOnline();
    showSignIn(false);
    renameForm.hidden = true;
    showNotice(error.message + ': sign in again to carry on.', Date.now(), 'error');
});

function forgetUser() {
    try {
        localStorage.removeItem(USER_KEY);
    } catch (e) {
        // Storage refused (a private window's policy): nothing was kept to forget.
    }
}

function signInAs(name) {
    localStorage.setItem(USER_KEY, name);
    location.reload();
}

signInForm.addEventListener('submit', event => {
    event.preventDefault();
    const name = document.getElementById('login-name').value.trim();
    if (name) {
        signInAs(name);
    }
});
signOutButton.addEventListener('click', () => {
    signingOut = true;
    signOutButton.disabled = true;
    app.send({ signOut: true }).catch(e => {
        signingOut = false;
        signOutButton.disabled = false;
        showNotice('Not signed out: ' + e.message, null, 'error');
    });
});

function showSignIn(signedIn) {
    signInForm.hidden = !demoLogin || signedIn;
    signOutButton.hidden = !signedIn;
    renameForm.hidden = signedIn;
}

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

// A private message: to this person from someone, or from this page, whose line then says what became of it.
function showPrivate(data, status) {
    const item = element('li', 'message private' + (status ? ' mine' : ''));
    const who = status ? 'you → ' + data.to : data.from + ' → you';
    item.append(element('span', 'time', time(data.at)), element('span', 'from', who),
        element('span', 'text', data.text));
    if (status) {
        item.append(element('span', 'status', status));
    }
    append(item);
    return item;
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
        showSignIn(data.signedIn === true);
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
    },
    private(data) {
        showPrivate(data, null);
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

// "/msg bob hello" goes to bob alone, on every browser of his: shown here as sending, sent, then delivered.
function sendPrivately(to, text) {
    const status = showPrivate({ to, text, at: Date.now() }, 'sending').querySelector('.status');
    const sent = app.send({ to, text });
    sent.then(() => {
        if (status.textContent === 'sending') {
            status.textContent = 'sent';
        }
    }, () => {});
    sent.delivered.then(() => status.textContent = 'delivered',
        e => status.textContent = 'not delivered: ' + (e.reason === 'NO_SESSION'
            ? 'nobody has signed in as ' + to : e.reason || e.message));
}

sendForm.addEventListener('submit', event => {
    const whisper = /^\/msg\s+(\S+)\s+([\s\S]+)$/.exec(textInput.value.trim());
    if (whisper) {
        event.preventDefault();
        event.stopImmediatePropagation();
        sendPrivately(whisper[1], whisper[2]);
        textInput.value = '';
        textInput.focus();
    }
});
submit(sendForm, textInput, text => ({ text }));
submit(renameForm, nameInput, name => ({ name }));
