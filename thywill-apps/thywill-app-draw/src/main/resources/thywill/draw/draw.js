// The shared canvas. A line being drawn is sent in pieces: every ~50 ms while the pointer moves, and when it is
// lifted. Each piece starts where the last one ended, so the pieces join up on the other pages.
const app = thywill.app;
const [state, canvas, colorInput, widthInput, widthValue, clearButton, receivedCount, errorLine] = thywill.elements(
    'state', 'canvas', 'color', 'width', 'width-value', 'clear', 'received', 'error');
const ctx = canvas.getContext('2d');

const MAX_POINTS = 500;
const SEND_EVERY_MS = 50;
let received = 0;
let drawing = null; // {pointerId, color, width, points, fresh, last, timer}
let errorTimer = null;

function blank() {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
}

function drawStroke(stroke) {
    const points = stroke.points;
    ctx.strokeStyle = ctx.fillStyle = stroke.color;
    ctx.lineWidth = stroke.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    if (points.length === 1) {
        ctx.beginPath();
        ctx.arc(points[0][0], points[0][1], stroke.width / 2, 0, 2 * Math.PI);
        ctx.fill();
        return;
    }
    ctx.beginPath();
    ctx.moveTo(points[0][0], points[0][1]);
    for (let i = 1; i < points.length; i++) {
        ctx.lineTo(points[i][0], points[i][1]);
    }
    ctx.stroke();
}

function countReceived(n) {
    received += n;
    receivedCount.textContent = String(received);
    canvas.dataset.received = String(received);
}

function showError(message) {
    errorLine.textContent = message;
    errorLine.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => { errorLine.hidden = true; }, 6000);
}

/** The pointer's position in the canvas's own coordinates, whatever size the page shows it at. */
function position(event) {
    const rect = canvas.getBoundingClientRect();
    const x = (event.clientX - rect.left) * canvas.width / rect.width;
    const y = (event.clientY - rect.top) * canvas.height / rect.height;
    return [Math.round(Math.min(Math.max(x, 0), canvas.width)), Math.round(Math.min(Math.max(y, 0), canvas.height))];
}

function send() {
    if (!drawing || drawing.fresh === 0) {
        return;
    }
    const stroke = { color: drawing.color, width: drawing.width, points: drawing.points };
    app.send({ stroke }).catch(e => showError('Not sent: ' + e.message));
    drawing.points = [drawing.last];
    drawing.fresh = 0;
}

function finish(event) {
    if (!drawing || event.pointerId !== drawing.pointerId) {
        return;
    }
    send();
    clearInterval(drawing.timer);
    drawing = null;
}

canvas.addEventListener('pointerdown', event => {
    if (thywill.state !== 'connected' || drawing) {
        return;
    }
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const point = position(event);
    drawing = {
        pointerId: event.pointerId, color: colorInput.value, width: Number(widthInput.value),
        points: [point], fresh: 1, last: point, timer: setInterval(send, SEND_EVERY_MS)
    };
    drawStroke({ color: drawing.color, width: drawing.width, points: [point] });
});

canvas.addEventListener('pointermove', event => {
    if (!drawing || event.pointerId !== drawing.pointerId) {
        return;
    }
    const point = position(event);
    if (point[0] === drawing.last[0] && point[1] === drawing.last[1]) {
        return;
    }
    drawStroke({ color: drawing.color, width: drawing.width, points: [drawing.last, point] });
    drawing.points.push(point);
    drawing.last = point;
    drawing.fresh++;
    if (drawing.points.length >= MAX_POINTS) {
        send();
    }
});

canvas.addEventListener('pointerup', finish);
canvas.addEventListener('pointercancel', finish);

clearButton.addEventListener('click', () => {
    app.send({ clear: true }).catch(e => showError('Not sent: ' + e.message));
});

widthInput.addEventListener('input', () => { widthValue.textContent = widthInput.value; });

app.onMessage(data => {
    if (!data || typeof data !== 'object') {
        return;
    }
    if (Array.isArray(data.history)) {
        blank();
        data.history.forEach(drawStroke);
        countReceived(data.history.length);
    } else if (data.stroke) {
        drawStroke(data.stroke);
        countReceived(1);
    } else if (data.clear === true) {
        blank();
    } else if (typeof data.error === 'string') {
        showError(data.error);
    }
});
app.onError(error => showError(error.code + ': ' + error.message));

thywill.onStateChange(s => {
    state.textContent = s;
    state.className = 'state ' + s;
    clearButton.disabled = s !== 'connected';
    canvas.classList.toggle('live', s === 'connected');
});

blank();
