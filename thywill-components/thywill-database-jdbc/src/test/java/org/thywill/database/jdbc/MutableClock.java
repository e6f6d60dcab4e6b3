package org.thywill.database.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves, so that sessions expire without waiting. */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    /** @param start the time it shows until moved */
    MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param by how far to move it */
    void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    /** @param at the time it shows from now on */
    void set(Instant at) {
        now.set(at);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock keeps UTC");
    }
}
