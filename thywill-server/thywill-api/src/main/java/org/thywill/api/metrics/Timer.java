package org.thywill.api.metrics;

import java.time.Duration;

/**
 * Durations of one kind of event, such as remote calls, exposed as a count, a sum and a histogram of buckets.
 * Obtain it once from {@link Metrics#timer} and keep it; recording is safe on any thread.
 */
public interface Timer {

    /**
     * @param nanos how long the event took, in nanoseconds (from {@link System#nanoTime()} differences); negative
     *              values are ignored
     */
    void recordNanos(long nanos);

    /**
     * @param duration how long the event took
     */
    default void record(Duration duration) {
        recordNanos(duration.toNanos());
    }
}
