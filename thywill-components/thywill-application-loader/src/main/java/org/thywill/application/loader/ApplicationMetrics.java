package org.thywill.application.loader;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.thywill.api.metrics.Counter;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;

/** An application's view of the server's metrics: every meter it registers is tagged with its id. */
final class ApplicationMetrics implements Metrics {

    private final Metrics metrics;
    private final String applicationId;

    ApplicationMetrics(Metrics metrics, String applicationId) {
        this.metrics = metrics;
        this.applicationId = applicationId;
    }

    @Override
    public Counter counter(String name, String description, String... tags) {
        return metrics.counter(name, description, tagged(tags));
    }

    @Override
    public void counter(String name, String description, LongSupplier count, String... tags) {
        metrics.counter(name, description, count, tagged(tags));
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        metrics.gauge(name, description, value, tagged(tags));
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        return metrics.timer(name, description, tagged(tags));
    }

    private String[] tagged(String[] tags) {
        for (int i = 0; i < tags.length; i += 2) {
            if ("application".equals(tags[i])) {
                throw new IllegalArgumentException("The tag 'application' is set by the server to the"
                        + " application's id; use another key");
            }
        }
        String[] all = Arrays.copyOf(tags, tags.length + 2);
        all[tags.length] = "application";
        all[tags.length + 1] = applicationId;
        return all;
    }
}
