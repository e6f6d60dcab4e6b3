package org.thywill.api.metrics;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/** The {@link Metrics#none()} implementation: records nothing, costs nothing. */
enum NoMetrics implements Metrics, Counter, Timer {
    INSTANCE;

    @Override
    public Counter counter(String name, String description, String... tags) {
        return this;
    }

    @Override
    public void counter(String name, String description, LongSupplier count, String... tags) {
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        return this;
    }

    @Override
    public void increment(long amount) {
    }

    @Override
    public void recordNanos(long nanos) {
    }
}
