'use strict';

// The Socket.IO load client: the same scenarios, phases and report as the Java load generator
// (org.thywill.benchmark.client.LoadRun), with socket.io-client. One Node process is one thread, so the clients are
// spread over --workers processes (forked from this one, which coordinates, asks the server for its measurements
// and publishes the broadcasts). Progress goes to standard error; the report is the last line of standard output,
// `REPORT {...}`. Every phase has a deadline and the processes exit by themselves.
//   node load.js --url http://127.0.0.1:3000 --scenario echo --transport websocket --clients 1000
//                --ramp 10000 --warmup 5000 --hold 30000 --rate 1000 --size 50 --rooms 10 --concurrency 200
//                --workers 2
// Durations are in milliseconds.

const { fork } = require('node:child_process');
const { io } = require('socket.io-client');
const Histogram = require('./histogram');
const { Ledger, account } = require('./ledger');
const parseArgs = require('./args');

const options = parseArgs(process.argv.slice(2));
const url = options.url || 'http://127.0.0.1:3000';
const host = new URL(url).hostname;
if (!['localhost', '[::1]', '::1'].includes(host) && !host.startsWith('127.')) {
  throw new Error(`The benchmark loads only servers on this machine; ${host} is not a loopback address.`);
}
const scenario = options.scenario || 'echo';
const transport = options.transport || 'websocket';
const clients = Number(options.clients || 1000);
const rampMs = Number(options.ramp || 10000);
const warmupMs = Number(options.warmup || 5000);
const holdMs = Number(options.hold || 30000);
const rooms = Number(options.rooms || 10);
const rate = Number(options.rate ?? (scenario === 'echo' ? clients : scenario === 'rooms' ? 10 * rooms : 10));
const size = Number(options.size || 50);
const concurrency = Number(options.concurrency || 200);
const workers = Math.max(1, Math.min(Number(options.workers || 2), clients));
const filler = 'x'.repeat(size);
const transports = transport === 'long-polling' ? ['polling'] : ['websocket'];

const SETTLE_MS = 1000;
const DRAIN_MS = 3000;
const READY_GRACE_MS = 30000;

setTimeout(() => {
  console.error(`The Socket.IO load client (${options.role || 'coordinator'}) ran out of time; stopping.`);
  process.exit(2);
}, rampMs + warmupMs + holdMs + 180000).unref();

// CLOCK_MONOTONIC in milliseconds: the same clock in every process of this machine, so a broadcast stamped by the
// coordinator is timed by the worker that receives it.
function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function newSocket() {
  return io(url, { transports, forceNew: true, reconnection: true, timeout: 20000 });
}

// --- A worker: its share of the clients, their sends and what they receive. ---

function runWorker() {
  const share = Number(options.share);
  const index = Number(options.index || 0);
  const histogram = new Histogram();
  const counts = { errors: 0, reconnections: 0 };
  // Worker w sends ids w + 1, w + 1 + (workers + 1), ...; the coordinator's publisher 0, workers + 1, ...
  const ledger = new Ledger(index + 1, workers + 1);
  const all = [];
  const members = [];
  let loading = false;
  let roomSizes = {};

  const record = (millis) => histogram.record(millis * 1000);
  const onTimed = (socket, data) => {
    if (ledger.received(socket.seen, data)) {
      record(now() - data.t);
    }
  };
  const send = (socket, event, data, expected) => {
    socket.emit(event, ledger.stamp(data, expected));
  };

  function startClient(onSettled) {
    const socket = newSocket();
    socket.seen = new Set();
    const began = now();
    let settled = false;
    const settle = (ok) => {
      if (!settled) {
        settled = true;
        onSettled(socket, ok, now() - began);
      }
    };
    socket.once('connect', () => settle(true));
    socket.on('connect_error', () => {
      counts.errors++;
      settle(false);
    });
    socket.io.on('reconnect', () => counts.reconnections++);
    socket.on('echo', (data) => {
      onTimed(socket, data);
      if (loading && rate === 0) {
        send(socket, 'echo', { t: now(), p: filler }, 1);
      }
    });
    socket.on('broadcast', (data) => onTimed(socket, data));
    all.push(socket);
  }

  // Connects the share (paced over the ramp, or as fast as allowed), joins rooms; resolves with the members.
  function connect(paced, deadline) {
    return new Promise((resolve) => {
      const limit = Math.max(1, Math.ceil(concurrency / workers));
      const joined = {};
      let inFlight = 0;
      let joins = 0;
      let started = 0;
      const finish = () => resolve({ ready: members.length, rooms: joined });
      const timer = setTimeout(finish, Math.max(0, deadline - now()));
      const ready = (socket) => {
        members.push(socket);
        if (socket.room) {
          joined[socket.room] = (joined[socket.room] || 0) + 1;
        }
        if (members.length === share) {
          clearTimeout(timer);
          finish();
        }
      };
      const onSettled = (socket, ok, millis) => {
        inFlight--;
        if (!ok) {
          return;
        }
        if (scenario === 'connect-storm') {
          record(millis);
          ready(socket);
        } else if (scenario === 'broadcast' || scenario === 'rooms') {
          // Rooms are dealt round-robin over all workers' clients, as the Java generator deals them.
          socket.room = scenario === 'broadcast' ? 'all' : `room-${(index + workers * joins++) % rooms}`;
          socket.emit('join', socket.room, () => ready(socket));
        } else {
          ready(socket);
        }
      };
      const begin = now();
      const tick = setInterval(() => {
        while (started < share && inFlight < limit && (!paced || begin + (rampMs * started) / share <= now())) {
          inFlight++;
          started++;
          startClient(onSettled);
        }
        if (started === share || now() > deadline) {
          clearInterval(tick);
        }
      }, 1);
    });
  }

  function pace(perSecond, action) {
    const start = now();
    let done = 0;
    const timer = setInterval(() => {
      if (!loading) {
        clearInterval(timer);
        return;
      }
      const due = Math.floor(((now() - start) * perSecond) / 1000);
      while (done < due && loading) {
        action();
        done++;
      }
    }, 1);
  }

  function startLoad() {
    loading = true;
    if (members.length === 0) {
      return;
    }
    const perWorker = rate / workers;
    if (scenario === 'echo') {
      if (rate === 0) {
        members.forEach((s) => send(s, 'echo', { t: now(), p: filler }, 1));
      } else {
        let next = 0;
        pace(perWorker, () => {
          send(members[next], 'echo', { t: now(), p: filler }, 1);
          next = (next + 1) % members.length;
        });
      }
    } else if (scenario === 'rooms' && rate > 0) {
      pace(perWorker, () => {
        const s = members[Math.floor(Math.random() * members.length)];
        send(s, 'broadcast', { room: s.room, t: now(), p: filler }, roomSizes[s.room] || 0);
      });
    }
  }

  process.on('message', async (message) => {
    switch (message.cmd) {
      case 'connect':
        process.send({ type: 'ready', ...(await connect(message.paced, now() + message.within)) });
        break;
      case 'load':
        roomSizes = message.roomSizes;
        startLoad();
        break;
      case 'open':
        histogram.reset();
        ledger.openHold();
        break;
      case 'close':
        ledger.closeHold();
        process.send({ type: 'window', histogram });
        break;
      case 'stop':
        loading = false;
        break;
      case 'totals':
        process.send({ type: 'totals', ...counts, ledger: ledger.totals() });
        break;
      default:
        all.forEach((s) => s.disconnect());
        setTimeout(() => process.exit(0), 200);
    }
  });
}

// --- The coordinator: the workers, the probe (stats and the broadcast publisher), the phases and the report. ---

// The server's answer to a stats question; an overloaded server that cannot answer within 60 s gives unknown
// figures (-1) rather than no report at all.
const UNKNOWN = { cpuNanos: -1, heapBytes: -1, threads: -1, rssBytes: -1 };

function stats(socket, gc) {
  // The timer is cleared on the answer: left running, it said "no answer" a minute after every answered question.
  let timer;
  return Promise.race([
    new Promise((resolve) => socket.emit('stats', gc, resolve)),
    new Promise((resolve) => {
      timer = setTimeout(() => {
        console.error('The server gave no stats answer within 60 s.');
        resolve(UNKNOWN);
      }, 60000);
    }),
  ]).finally(() => clearTimeout(timer));
}

function perConnection(idle, before, field, divisor, n) {
  if (idle[field] < 0 || before[field] < 0) {
    return -1;
  }
  return Math.max(0, (idle[field] - before[field]) / divisor / n);
}

function startWorkers() {
  const list = [];
  for (let w = 0; w < workers; w++) {
    const share = Math.floor(clients / workers) + (w < clients % workers ? 1 : 0);
    const child = fork(__filename, [...process.argv.slice(2), '--role', 'worker', '--share', String(share),
      '--index', String(w)]);
    const waiting = new Map();
    child.on('message', (message) => {
      const resolve = waiting.get(message.type);
      if (resolve) {
        waiting.delete(message.type);
        resolve(message);
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) {
        console.error(`A load worker exited with status ${code}.`);
      }
    });
    list.push({
      tell: (message) => child.send(message),
      ask: (message, type) => new Promise((resolve) => {
        waiting.set(type, resolve);
        child.send(message);
      }),
    });
  }
  return list;
}

function connectedWithin30s(socket) {
  return Promise.race([new Promise((resolve) => socket.once('connect', resolve)),
    delay(30000).then(() => { throw new Error('A probe could not connect within 30 s'); })]);
}

async function runCoordinator() {
  // The probe asks for the server's measurements; the broadcast publisher has a socket of its own, so that a
  // question is never queued behind the publisher's messages.
  const probe = newSocket();
  const publisher = newSocket();
  await Promise.all([connectedWithin30s(probe), connectedWithin30s(publisher)]);
  const team = startWorkers();
  const everyone = (message, type) => Promise.all(team.map((w) => w.ask(message, type)));
  const tellAll = (message) => team.forEach((w) => w.tell(message));
  const histogram = new Histogram();
  const published = new Ledger(0, workers + 1);
  let loading = false;

  const before = await stats(probe, true);
  let connected;
  let start;
  let end;
  let idle;
  let window;
  let seconds;
  if (scenario === 'connect-storm') {
    start = await stats(probe, false);
    tellAll({ cmd: 'open' });
    const began = now();
    const ready = await everyone({ cmd: 'connect', paced: false, within: holdMs }, 'ready');
    seconds = (now() - began) / 1000;
    window = await everyone({ cmd: 'close' }, 'window');
    end = await stats(probe, false);
    connected = ready.reduce((sum, r) => sum + r.ready, 0);
    await delay(SETTLE_MS);
    idle = await stats(probe, true);
  } else {
    const ready = await everyone({ cmd: 'connect', paced: true, within: rampMs + READY_GRACE_MS }, 'ready');
    connected = ready.reduce((sum, r) => sum + r.ready, 0);
    const roomSizes = {};
    ready.forEach((r) => Object.entries(r.rooms).forEach(([room, n]) => {
      roomSizes[room] = (roomSizes[room] || 0) + n;
    }));
    await delay(Math.min(SETTLE_MS, Math.max(200, rampMs)));
    idle = await stats(probe, true);
    tellAll({ cmd: 'load', roomSizes });
    loading = true;
    if (scenario === 'broadcast' && rate > 0) {
      const members = roomSizes.all || 0;
      const begin = now();
      let done = 0;
      const timer = setInterval(() => {
        if (!loading) {
          clearInterval(timer);
          return;
        }
        const due = Math.floor(((now() - begin) * rate) / 1000);
        while (done < due && loading) {
          publisher.emit('broadcast', published.stamp({ room: 'all', t: now(), p: filler }, members));
          done++;
        }
      }, 1);
    }
    await delay(warmupMs);
    start = await stats(probe, false);
    tellAll({ cmd: 'open' });
    published.openHold();
    const began = now();
    await delay(holdMs);
    seconds = (now() - began) / 1000;
    published.closeHold();
    window = await everyone({ cmd: 'close' }, 'window');
    end = await stats(probe, false);
    loading = false;
    tellAll({ cmd: 'stop' });
  }
  window.forEach((w) => histogram.add(w.histogram));
  let totals = await everyone({ cmd: 'totals' }, 'totals');
  const held = () => account([published.totals(), ...totals.map((t) => t.ledger)]);
  const drainUntil = now() + DRAIN_MS;
  while (held().missing > 0 && now() < drainUntil) {
    await delay(100);
    totals = await everyone({ cmd: 'totals' }, 'totals');
  }
  const storm = scenario === 'connect-storm';
  const hold = held();
  const { sent } = hold;
  // The storm's "received" is the connections made; it sends no messages to account for.
  const received = storm ? connected : hold.received;

  const any = histogram.total > 0;
  const ms = (p) => (any ? histogram.percentile(p) / 1000 : -1);
  const n = Math.max(1, connected);
  const cpuMs = end.cpuNanos < 0 || start.cpuNanos < 0 ? -1 : (end.cpuNanos - start.cpuNanos) / 1e6;
  const report = {
    server: 'socketio',
    scenario,
    transport,
    clients,
    connected,
    seconds,
    sent,
    received,
    // The rate asked, against which the report warns when the generator sent less (echo at rate 0: none asked).
    askedPerSecond: !storm && rate > 0 ? rate : -1,
    sentPerSecond: sent / seconds,
    receivedPerSecond: received / seconds,
    p50: ms(50),
    p90: ms(90),
    p99: ms(99),
    p999: ms(99.9),
    max: any ? histogram.max / 1000 : -1,
    errors: totals.reduce((sum, t) => sum + t.errors, 0),
    reconnections: totals.reduce((sum, t) => sum + t.reconnections, 0),
    missing: hold.missing,
    duplicates: hold.duplicates,
    expected: storm ? -1 : hold.expected,
    beforeHold: storm ? -1 : hold.beforeHold,
    afterHold: storm ? -1 : hold.afterHold,
    cpuMsPer1000: received > 0 && cpuMs >= 0 ? (cpuMs * 1000) / received : -1,
    heapKbPerConnection: perConnection(idle, before, 'heapBytes', 1024, n),
    rssKbPerConnection: perConnection(idle, before, 'rssBytes', 1024, n),
    threadsPerConnection: perConnection(idle, before, 'threads', 1, n),
    serverThreads: idle.threads,
    serverHeapMb: idle.heapBytes < 0 ? -1 : idle.heapBytes / 1024 / 1024,
    startMillis: -1,
  };
  tellAll({ cmd: 'exit' });
  probe.disconnect();
  publisher.disconnect();
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  setTimeout(() => process.exit(0), 500);
}

if (options.role === 'worker') {
  runWorker();
} else {
  runCoordinator().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
