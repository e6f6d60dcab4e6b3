package org.thywill.api.metrics;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Where components and applications register what they measure. The kernel implements it (with Micrometer) and
 * exposes every meter at {@code GET /thywill/metrics}; components get it from
 * {@link org.thywill.api.ComponentContext#metrics()}, applications from
 * {@link org.thywill.api.application.ApplicationContext#metrics()}.
 *
 * <p>Names are lower case words separated by dots, starting with {@code thywill.} for the server's own meters
 * ({@code thywill.messages.received}); the Prometheus format turns dots into underscores and adds {@code _total} to
 * counters. Tags are given as alternating keys and values ({@code "application", "chat"}); keep their values few
 * (never a session or connection id), since every distinct combination is a time series of its own.
 *
 * <p>Registering is not for the hot path: register once and keep the returned meter. Asking again for the same
 * name and tags returns a meter that counts into the same series. Thread-safe.
 */
public interface Metrics {

    /**
     * @param name the meter's name, for example {@code thywill.messages.received}
     * @param description one sentence for operators, shown as the Prometheus {@code HELP}
     * @param tags alternating tag keys and values
     * @return the counter
     * @throws IllegalArgumentException if the tags are not pairs or the name is not a dotted lower case name
     */
    Counter counter(String name, String description, String... tags);

    /**
     * Registers a counter whose value is read from a count the caller already keeps, when it is scraped.
     *
     * @param name the meter's name
     * @param description one sentence for operators
     * @param count the running total, read from the scraping thread; it must only go up
     * @param tags alternating tag keys and values
     * @throws IllegalArgumentException if the tags are not pairs or the name is not a dotted lower case name
     */
    void counter(String name, String description, LongSupplier count, String... tags);

    /**
     * Registers a value that goes up and down, such as open connections, read when it is scraped. Registering
     * again with the same name and tags replaces the earlier supplier (an application redeployed, for example).
     *
     * @param name the meter's name
     * @param description one sentence for operators
     * @param value read from the scraping thread; must be quick and must not throw
     * @param tags alternating tag keys and values
     * @throws IllegalArgumentException if the tags are not pairs or the name is not a dotted lower case name
     */
    void gauge(String name, String description, DoubleSupplier value, String... tags);

    /**
     * @param name the meter's name, for example {@code thywill.rpc.duration}
     * @param description one sentence for operators
     * @param tags alternating tag keys and values
     * @return the timer, exposed in seconds with histogram buckets
     * @throws IllegalArgumentException if the tags are not pairs or the name is not a dotted lower case name
     */
    Timer timer(String name, String description, String... tags);

    /**
     * @return metrics that record nothing, for components created outside a kernel (tests, tools)
     */
    static Metrics none() {
        return NoMetrics.INSTANCE;
    }
}
