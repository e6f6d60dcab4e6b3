// The chat room and the live timeline. The generated resource pages share this page's scripts: do nothing there.
const thywill = window.thywill;
const app = thywill.app;

if (!/^\/resources\//.test(thywill.config.path || '/')) {
    const users = window.thywillResources.resource('users');
    const posts = window.thywillResources.resource('posts');
    const names = new Map();
    const list = document.getElementById('posts');
    const error = document.getElementById('post-error');

    const nameOf = async id => {
        if (!names.has(id)) {
            names.set(id, users.read(id).then(u => u.user_name, () => '#' + id));
        }
        return names.get(id);
    };

    const show = (post, user) => {
        if (user) {
            names.set(post.user_id, Promise.resolve(user.user_name));
        }
        let li = list.querySelector('li[data-id="' + post.id + '"]');
        if (!li) {
            li = document.createElement('li');
            li.dataset.id = post.id;
            list.prepend(li);
        }
        nameOf(post.user_id).then(author => { li.textContent = author + ': ' + post.content; });
    };

    posts.onChange(change => {
        if (change.change === 'deleted') {
            const li = list.querySelector('li[data-id="' + change.id + '"]');
            if (li) {
                li.remove();
            }
        } else {
            show(change.row);
        }
    });
    users.onChange(change => names.delete(change.id));

    app.onMessage((data, meta) => {
        if (data && data.chat) {
            const li = document.createElement('li');
            li.textContent = data.chat.name + ': ' + data.chat.text;
            document.getElementById('chat-lines').append(li);
        }
    });

    document.getElementById('chat-form').addEventListener('submit', e => {
        e.preventDefault();
        const text = document.getElementById('chat-text');
        app.send({ chat: { name: document.getElementById('chat-name').value, text: text.value } });
        text.value = '';
    });

    // Posting names a user: found by name, or created.
    document.getElementById('post-form').addEventListener('submit', async e => {
        e.preventDefault();
        error.textContent = '';
        const userName = document.getElementById('post-user').value.trim();
        const content = document.getElementById('post-content');
        try {
            const found = await users.list({ user_name: userName, limit: 1 });
            const user = found.items[0] || await users.create({ user_name: userName });
            await posts.create({ user_id: user.id, content: content.value });
            content.value = '';
        } catch (failure) {
            error.textContent = (failure.field ? failure.field + ': ' : '') + failure.message;
        }
    });

    // Watch first, then list the newest, each with its user embedded: a post made in between arrives as a change
    // and is shown once.
    posts.watch().then(() => posts.list({ sort: '-id', limit: 50, expand: 'user' }))
        .then(page => page.items.reverse().forEach(post => show(post, post.user)))
        .catch(failure => { error.textContent = failure.message; });
}
