'use strict';

// The Socket.IO load client's account of the hold: node --test src/test/node (from the module's folder).

const test = require('node:test');
const assert = require('node:assert/strict');
const { Ledger, account } = require('../../main/node/ledger');

test('a reply in the hold to a message sent before it is received, not a duplicate', () => {
  const worker = new Ledger(1, 3);
  const seen = new Set();
  const early = worker.stamp({ t: 0 }, 1);
  worker.openHold();
  assert.equal(worker.received(seen, early), true);
  const held = account([worker.totals()]);
  assert.deepEqual({ received: held.received, beforeHold: held.beforeHold, duplicates: held.duplicates },
    { received: 1, beforeHold: 1, duplicates: 0 });
  assert.equal(held.expected, 0, 'it was owed before the hold');
});

test('the hold adds up across processes, with duplicates and a loss', () => {
  const publisher = new Ledger(0, 3);
  const worker = new Ledger(1, 3);
  const seen = [new Set(), new Set()];
  publisher.openHold();
  worker.openHold();
  const broadcast = publisher.stamp({}, 2);
  const echoes = [worker.stamp({}, 1), worker.stamp({}, 1), worker.stamp({}, 1)];
  assert.notEqual(broadcast.i, echoes[0].i, 'two processes never give the same id');
  worker.received(seen[0], broadcast);
  worker.received(seen[1], broadcast);
  assert.equal(worker.received(seen[1], broadcast), false, 'the second copy is a duplicate');
  worker.received(seen[0], echoes[0]);
  publisher.closeHold();
  worker.closeHold();
  worker.received(seen[0], echoes[1]);
  const held = account([publisher.totals(), worker.totals()]);
  assert.deepEqual(held, {
    sent: 4, expected: 5, received: 3, beforeHold: 0, afterHold: 1, missing: 1, duplicates: 1,
  });
  assert.equal(held.expected, held.received - held.beforeHold + held.afterHold + held.missing);
});

test('data without a phase or an id is not counted', () => {
  const worker = new Ledger(1, 2);
  assert.equal(worker.received(new Set(), { t: 1 }), false);
  assert.equal(worker.received(new Set(), { t: 1, w: 7, i: 3 }), false);
  assert.equal(account([worker.totals()]).received, 0);
});
