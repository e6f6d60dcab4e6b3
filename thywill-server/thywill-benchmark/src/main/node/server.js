'use strict';

// Socket.IO 4 with its default options and the services of Thywill's benchmark application:
//   'echo' data          -> 'echo' data back to the sender
//   'join' room, ack     -> the socket joins the room; ack(room)
//   'broadcast' data     -> 'broadcast' data to every socket in data.room
//   'stats' gc, ack      -> ack({cpuNanos, heapBytes, threads, rssBytes}) of this process
// Listens on 127.0.0.1 only, and exits by itself after --lifetime seconds (default 900).

const fs = require('node:fs');
const http = require('node:http');
const { Server } = require('socket.io');
const parseArgs = require('./args');

const options = parseArgs(process.argv.slice(2));
const host = options.host || '127.0.0.1';
const port = Number(options.port || 3000);
const lifetime = Number(options.lifetime || 900);

const httpServer = http.createServer();
const io = new Server(httpServer);

io.on('connection', (socket) => {
  socket.on('echo', (data) => socket.emit('echo', data));
  socket.on('join', (room, ack) => {
    socket.join(String(room));
    if (typeof ack === 'function') {
      ack(room);
    }
  });
  socket.on('broadcast', (data) => io.to(String(data.room)).emit('broadcast', data));
  socket.on('stats', (gc, ack) => {
    if (gc && typeof global.gc === 'function') {
      global.gc();
    }
    if (typeof ack === 'function') {
      ack(stats());
    }
  });
});

function stats() {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  let threads = -1;
  try {
    const match = /Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    threads = match ? Number(match[1]) : -1;
  } catch (e) {
    threads = -1;
  }
  return {
    cpuNanos: (cpu.user + cpu.system) * 1000,
    heapBytes: memory.heapUsed,
    threads,
    rssBytes: memory.rss,
  };
}

httpServer.listen(port, host, () => {
  console.log(`socketio benchmark server listening on ${host}:${httpServer.address().port}`);
});
setTimeout(() => {
  console.error(`Lifetime of ${lifetime} s over; stopping.`);
  process.exit(0);
}, lifetime * 1000).unref();
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
