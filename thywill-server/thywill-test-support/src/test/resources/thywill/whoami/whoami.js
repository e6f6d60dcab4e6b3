// The host page's part. ?token= gives a fixed token; ?fresh=user fetches a new one, living ?seconds=, each time the
// library asks (a real host would fetch it from its own login); with ?staleFirst the first one has expired already.
const params = new URLSearchParams(location.search);
window.tokensFetched = 0;
thywill.auth(() => {
    window.tokensFetched += 1;
    if (params.has('fresh')) {
        const seconds = params.has('staleFirst') && window.tokensFetched === 1 ? '-10' : params.get('seconds') || '60';
        return fetch('/api/whoami/token?user=' + encodeURIComponent(params.get('fresh'))
            + '&seconds=' + encodeURIComponent(seconds)).then(response => response.text());
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
