// The host page's part. ?token= gives a fixed token; ?fresh=user fetches a new one, living ?seconds=, each time the
// library asks (a real host would fetch it from its own login).
const params = new URLSearchParams(location.search);
window.tokensFetched = 0;
thywill.auth(() => {
    window.tokensFetched += 1;
    if (params.has('fresh')) {
        return fetch('/api/whoami/token?user=' + encodeURIComponent(params.get('fresh'))
            + '&seconds=' + encodeURIComponent(params.get('seconds') || '60')).then(response => response.text());
    }
    return params.get('token');
});
thywill.onAuthError(error => {
    document.getElementById('auth-error').textContent = error.code + ': ' + error.message;
});
thywill.app.onMessage(answer => {
    document.getElementById('user').textContent = answer.user + ' (' + answer.name + ')';
});
thywill.onReady(() => thywill.app.send({}));
