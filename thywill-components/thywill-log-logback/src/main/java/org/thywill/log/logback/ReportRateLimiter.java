package org.thywill.log.logback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts error reports per key in fixed one-minute windows, so one looping page cannot flood the log. Memory stays
 * bounded: past {@code maxKeys} keys, stale windows are evicted, and while every window is fresh, new keys share
 * one overflow window.
 */
final class ReportRateLimiter {

    /** What to do with one report. */
    enum Decision {
        /** Log it. */
        ACCEPT,
        /** Drop it, and say once that this key's reports are being dropped. */
        DROP_FIRST,
        /** Drop it quietly. */
        DROP
    }

    /**
     * @param decision what to do with the report
     * @param retryAfterSeconds when the sender's window ends, rounded up
     */
    record Admission(Decision decision, long retryAfterSeconds) {
    }

    static final long WINDOW_MILLIS = 60_000;
    static final int DEFAULT_MAX_KEYS = 10_000;
    static final String OVERFLOW_KEY = "\u0000overflow";

    private final int perWindow;
    private final int maxKeys;
    private final LongSupplier clockMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param perWindow how many reports one key may send per window
     * @param maxKeys how many keys to track before evicting
     * @param clockMillis a monotonic clock in milliseconds
     */
    ReportRateLimiter(int perWindow, int maxKeys, LongSupplier clockMillis) {
        this.perWindow = perWindow;
        this.maxKeys = maxKeys;
        this.clockMillis = clockMillis;
    }

    /**
     * @param key who sent the report
     * @return whether to log it, and when the key may send again
     */
    Admission admit(String key) {
        long now = clockMillis.getAsLong();
        String tracked = key;
        if (!windows.containsKey(key) && windows.size() >= maxKeys) {
            windows.values().removeIf(window -> window.isStale(now));
            if (windows.size() >= maxKeys) {
                tracked = OVERFLOW_KEY;
            }
        }
        Admission[] admission = new Admission[1];
        windows.compute(tracked, (k, window) -> {
            Window current = window == null || window.isStale(now) ? new Window(now) : window;
            long left = current.start + WINDOW_MILLIS - now;
            admission[0] = new Admission(current.count(), Math.max(1, (left + 999) / 1000));
            return current;
        });
        return admission[0];
    }

    /** @return how many keys are tracked */
    int size() {
        return windows.size();
    }

    /** One key's current window; mutated only inside {@link ConcurrentHashMap#compute}. */
    private final class Window {
        private final long start;
        private int count;
        private boolean dropNoted;

        Window(long start) {
            this.start = start;
        }

        boolean isStale(long now) {
            return now - start >= WINDOW_MILLIS;
        }

        Decision count() {
            if (count < perWindow) {
                count++;
                return Decision.ACCEPT;
            }
            if (dropNoted) {
                return Decision.DROP;
            }
            dropNoted = true;
            return Decision.DROP_FIRST;
        }
    }
}
