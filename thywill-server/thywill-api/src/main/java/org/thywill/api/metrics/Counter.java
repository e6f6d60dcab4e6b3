package org.thywill.api.metrics;

/**
 * A count that only goes up, such as messages received. Obtain it once from {@link Metrics#counter} and keep it:
 * incrementing is cheap and lock-free, safe on any thread and on the hot path.
 */
public interface Counter {

    /** Adds one. */
    default void increment() {
        increment(1);
    }

    /**
     * @param amount how much to add; zero or negative amounts are ignored
     */
    void increment(long amount);
}
