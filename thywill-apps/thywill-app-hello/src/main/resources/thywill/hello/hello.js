// The hello page: the server rendered the counts; this keeps them live and sends the clicks.
const app = thywill.app;
const click = document.getElementById('click');
const visits = document.getElementById('visits');
const clicks = document.getElementById('clicks');

thywill.onStateChange(s => {
    document.getElementById('state').textContent = s;
    click.disabled = s !== 'connected';
});

// Counts only grow: a message that was overtaken by a newer one (two tabs clicking at once) changes nothing.
app.onMessage(counts => {
    const shownVisits = Math.max(Number(visits.textContent), counts.visits);
    visits.textContent = shownVisits;
    document.getElementById('times').textContent = shownVisits === 1 ? 'time' : 'times';
    clicks.textContent = Math.max(Number(clicks.textContent), counts.clicks);
});

click.addEventListener('click', () => app.send('click'));
