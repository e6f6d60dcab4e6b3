// The host page's part: the token comes from the page's address here (a real host would fetch it from its login).
const token = new URLSearchParams(location.search).get('token');
thywill.auth(() => token);
thywill.onAuthError(error => {
    document.getElementById('auth-error').textContent = error.code + ': ' + error.message;
});
thywill.app.onMessage(answer => {
    document.getElementById('user').textContent = answer.user + ' (' + answer.name + ')';
});
thywill.onReady(() => thywill.app.send({}));
