'use strict';

// A latency histogram that the load client's processes can add together: counts in buckets 1% apart, from 1 µs
// to 60 s, so a percentile is exact to within 1% (HdrHistogram on the Java side keeps 3 significant digits).

const RATIO = Math.log(1.01);
const HIGHEST = 60e6;
const SIZE = Math.ceil(Math.log(HIGHEST) / RATIO) + 1;

class Histogram {
  constructor() {
    this.reset();
  }

  reset() {
    this.counts = new Array(SIZE).fill(0);
    this.total = 0;
    this.max = 0;
  }

  // micros: a latency in microseconds
  record(micros) {
    const value = Math.max(1, Math.min(HIGHEST, micros));
    this.counts[Math.ceil(Math.log(value) / RATIO)]++;
    this.total++;
    if (value > this.max) {
      this.max = value;
    }
  }

  // Adds another histogram's counts, or their JSON form ({counts, total, max}).
  add(other) {
    for (let i = 0; i < SIZE; i++) {
      this.counts[i] += other.counts[i];
    }
    this.total += other.total;
    this.max = Math.max(this.max, other.max);
  }

  // The value in microseconds at or below which `p` percent of the recorded values lie.
  percentile(p) {
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i];
      if (seen >= rank) {
        return Math.min(this.max, Math.exp(i * RATIO));
      }
    }
    return this.max;
  }

  toJSON() {
    return { counts: this.counts, total: this.total, max: this.max };
  }
}

module.exports = Histogram;
