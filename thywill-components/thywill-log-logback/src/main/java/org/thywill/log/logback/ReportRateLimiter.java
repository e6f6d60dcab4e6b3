package org.thywill.log.logback;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Limits error reports per key to so many a minute, so one looping page cannot flood the log: one Bucket4j bucket
 * per key, refilled whole each minute after its first report. Memory stays bounded: past {@code maxKeys} keys, the
 * keys whose bucket is full again (nothing to remember) are evicted, and while none is, new keys share one overflow
 * bucket.
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
     * @param retryAfterSeconds when the sender may send again (accepted: when its allowance is whole again),
     *     rounded up
     */
    record Admission(Decision decision, long retryAfterSeconds) {
    }

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_MAX_KEYS = 10_000;
    static final String OVERFLOW_KEY = "\u0000overflow";

    private final int perWindow;
    private final int maxKeys;
    private final TimeMeter clock;
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();

    /**
     * @param perWindow how many reports one key may send per minute
     * @param maxKeys how many keys to track before evicting
     * @param clockMillis a monotonic clock in milliseconds
     */
    ReportRateLimiter(int perWindow, int maxKeys, LongSupplier clockMillis) {
        this.perWindow = perWindow;
        this.maxKeys = maxKeys;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clockMillis.getAsLong());
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /**
     * @param key who sent the report
     * @return whether to log it, and when the key may send again
     */
    Admission admit(String key) {
        String tracked = key;
        if (!senders.containsKey(key) && senders.size() >= maxKeys) {
            senders.values().removeIf(Sender::isIdle);
            if (senders.size() >= maxKeys) {
                tracked = OVERFLOW_KEY;
            }
        }
        return senders.computeIfAbsent(tracked, k -> new Sender()).admit();
    }

    /** @return how many keys are tracked */
    int size() {
        return senders.size();
    }

    /** One key's allowance, and whether its drops were already noted since it last sent within its allowance. */
    private final class Sender {
        private final Bucket bucket = perWindow == 0 ? null : Bucket.builder()
                .addLimit(limit -> limit.capacity(perWindow).refillIntervally(perWindow, WINDOW))
                .withCustomTimePrecision(clock)
                .build();
        private volatile boolean dropNoted;

        Admission admit() {
            if (bucket == null) {
                return new Admission(dropped(), WINDOW.toSeconds());
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                dropNoted = false;
                return new Admission(Decision.ACCEPT, seconds(probe.getNanosToWaitForReset()));
            }
            return new Admission(dropped(), seconds(probe.getNanosToWaitForRefill()));
        }

        private synchronized Decision dropped() {
            if (dropNoted) {
                return Decision.DROP;
            }
            dropNoted = true;
            return Decision.DROP_FIRST;
        }

        boolean isIdle() {
            return bucket != null && bucket.getAvailableTokens() == perWindow;
        }

        private static long seconds(long nanos) {
            return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
        }
    }
}
