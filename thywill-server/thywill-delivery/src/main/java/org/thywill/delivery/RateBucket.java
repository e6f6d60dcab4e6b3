package org.thywill.delivery;

/**
 * A token bucket refilled continuously, for a transport's cap on messages per second: one per connection, touched
 * only by that connection's messages. Thread-safe.
 */
public final class RateBucket {

    private final int capacity;
    private double tokens;
    private long last = System.nanoTime();
    private long lastLog;

    /** @param capacity how many messages a second, and the largest burst */
    public RateBucket(int capacity) {
        this.capacity = capacity;
        this.tokens = capacity;
    }

    /** @return true if one more message may go now (and counts it), false if it is one too many */
    public synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * capacity);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** @return true at most once a second, so that a flood is logged but does not flood the log */
    public synchronized boolean shouldLog() {
        long now = System.nanoTime();
        if (now - lastLog >= 1_000_000_000L || lastLog == 0) {
            lastLog = now;
            return true;
        }
        return false;
    }
}
