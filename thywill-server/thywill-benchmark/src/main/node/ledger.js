'use strict';

// The run's account of messages by phase, as the Java generator keeps it (org.thywill.benchmark.client.
// DeliveryLedger): each message is stamped with the phase it was counted as sent in (w) and an id unique in the run
// (i); each delivery is counted by that phase and the receiver's phase, and an id a socket received already is a
// duplicate, not a delivery. A reply in the hold to a message sent before it is then told apart from a duplicate,
// and with nothing missing, expected = received - beforeHold + afterHold.

const BEFORE = 0;
const HOLD = 1;
const AFTER = 2;
const PHASES = 3;

class Ledger {
  // origin: this process's number, from 0; origins: how many processes send, so that ids never collide.
  constructor(origin, origins) {
    this.origin = origin;
    this.origins = origins;
    this.count = 0;
    this.phase = BEFORE;
    this.sent = [0, 0, 0];
    this.expected = [0, 0, 0];
    this.delivered = new Array(PHASES * PHASES).fill(0);
    this.duplicates = 0;
  }

  openHold() {
    this.phase = HOLD;
  }

  closeHold() {
    this.phase = AFTER;
  }

  // Counts a message as sent and stamps its data with its phase and id.
  stamp(data, expected) {
    this.sent[this.phase]++;
    this.expected[this.phase] += expected;
    data.w = this.phase;
    data.i = this.origin + this.origins * this.count++;
    return data;
  }

  // seen: the receiving socket's set of ids. Returns true for a delivery, false for a duplicate or a stranger.
  received(seen, data) {
    if (!Number.isInteger(data.w) || data.w < 0 || data.w >= PHASES || !Number.isInteger(data.i)) {
      return false;
    }
    if (seen.has(data.i)) {
      this.duplicates++;
      return false;
    }
    seen.add(data.i);
    this.delivered[data.w * PHASES + this.phase]++;
    return true;
  }

  // What the coordinator adds up: plain numbers, to travel between processes.
  totals() {
    return { sent: this.sent, expected: this.expected, delivered: this.delivered, duplicates: this.duplicates };
  }
}

// Adds up the totals of every process into the hold's account.
function account(all) {
  const sum = (f) => all.reduce((s, t) => s + f(t), 0);
  const at = (sentIn, receivedIn) => sum((t) => t.delivered[sentIn * PHASES + receivedIn]);
  const received = at(BEFORE, HOLD) + at(HOLD, HOLD) + at(AFTER, HOLD);
  const owed = sum((t) => t.expected.reduce((a, b) => a + b, 0)) - sum((t) => t.delivered.reduce((a, b) => a + b, 0));
  return {
    sent: sum((t) => t.sent[HOLD]),
    expected: sum((t) => t.expected[HOLD]),
    received,
    beforeHold: received - at(HOLD, HOLD),
    afterHold: at(HOLD, BEFORE) + at(HOLD, AFTER),
    missing: Math.max(0, owed),
    duplicates: sum((t) => t.duplicates),
  };
}

module.exports = { Ledger, account };
