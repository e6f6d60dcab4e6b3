package org.thywill.push.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the memberships in Redis from outliving their sessions: once per sweep period (checked at each heartbeat)
 * it forgets those of sessions idle for the Database's session lifetime, which the Database has expired and
 * deletes with its own rows, a bounded batch per script call until none is left.
 */
final class MembershipSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipSweep.class);

    /** The most sessions one script call looks at. */
    static final int BATCH = 200;

    private static final Duration MOST_PERIOD = Duration.ofMinutes(10);
    private static final Duration LEAST_PERIOD = Duration.ofSeconds(1);

    private final ClusterStore store;
    private final long lifetimeMillis;
    private final long periodNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastNanos = System.nanoTime();

    /**
     * @param store the shared state
     * @param lifetime the Database's session lifetime
     */
    MembershipSweep(ClusterStore store, Duration lifetime) {
        this.store = store;
        this.lifetimeMillis = lifetime.toMillis();
        Duration tenth = lifetime.dividedBy(10);
        this.periodNanos = (tenth.compareTo(LEAST_PERIOD) < 0 ? LEAST_PERIOD
                : tenth.compareTo(MOST_PERIOD) > 0 ? MOST_PERIOD : tenth).toNanos();
    }

    /** Sweeps if a period has passed since the last sweep began and none is under way. */
    void maybeRun() {
        long now = System.nanoTime();
        if (now - lastNanos >= periodNanos && running.compareAndSet(false, true)) {
            lastNanos = now;
            next();
        }
    }

    private void next() {
        store.sweep(lifetimeMillis, BATCH).whenComplete((looked, failure) -> {
            if (failure != null) {
                running.set(false);
                LOG.debug("Could not sweep the memberships of idle sessions; trying again later: {}",
                        failure.getMessage());
            } else if (looked == BATCH) {
                next();
            } else {
                running.set(false);
            }
        });
    }
}
