package org.thywill.remote.document;

import java.time.Duration;

/**
 * A timer running in the browser that replays a {@link Block} (webalchemy's {@code create_interval}). It stops by
 * itself when its view is replaced or its page closes. Thread-safe.
 */
public final class Timer {

    private final DocumentOperations owner;
    private final int id;
    private final Duration period;
    private volatile boolean stopped;

    Timer(DocumentOperations owner, int id, Duration period) {
        this.owner = owner;
        this.id = id;
        this.period = period;
    }

    /** @return its period (for a repeating timer) or delay */
    public Duration period() {
        return period;
    }

    /** Stops it; the browser replays the block no more once this operation arrives. Stopping twice is harmless. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            owner.emit(Ops.stopTimer(id));
        }
    }

    /** @return true once {@link #stop} was called */
    public boolean isStopped() {
        return stopped;
    }
}
