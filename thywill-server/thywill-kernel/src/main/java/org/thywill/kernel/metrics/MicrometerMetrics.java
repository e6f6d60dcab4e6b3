package org.thywill.kernel.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.thywill.api.admin.MeterSample;
import org.thywill.api.metrics.Counter;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;

/**
 * The kernel's {@link Metrics}: one Prometheus registry per server (so two servers in one JVM count apart), with
 * the JVM's basic meters bound to it, scraped by {@link MetricsEndpoint}.
 */
public final class MicrometerMetrics implements Metrics, AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Micrometer holds function counters' sources weakly; these keep them alive as long as the server. */
    private final List<Object> retained = new CopyOnWriteArrayList<>();

    /** Creates the registry and binds the JVM's memory, garbage collection, thread, class, CPU and uptime meters. */
    public MicrometerMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter
                .builder(check(name)).description(description).tags(tags(tags)).register(registry);
        return amount -> {
            if (amount > 0) {
                counter.increment(amount);
            }
        };
    }

    @Override
    public void counter(String name, String description, LongSupplier count, String... tags) {
        retained.add(count);
        FunctionCounter.builder(check(name), count, c -> (double) c.getAsLong()).description(description)
                .tags(tags(tags)).register(registry);
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        Tags tagged = tags(tags);
        Meter before = registry.find(check(name)).tags(tagged).gauge();
        if (before != null) {
            registry.remove(before);
        }
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).tags(tagged)
                .strongReference(true).register(registry);
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Timer.builder(check(name))
                .description(description).tags(tags(tags))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        return nanos -> {
            if (nanos >= 0) {
                timer.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    /**
     * @param prefix the start of the names wanted, such as {@code thywill.}
     * @return the current value of every counter, gauge and timer whose name starts with it, for the admin console
     */
    public List<MeterSample> sample(String prefix) {
        List<MeterSample> samples = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (!id.getName().startsWith(prefix)) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            id.getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
            if (meter instanceof io.micrometer.core.instrument.Timer timer) {
                HistogramSnapshot snapshot = timer.takeSnapshot();
                List<MeterSample.Bucket> buckets = new ArrayList<>();
                for (CountAtBucket b : snapshot.histogramCounts()) {
                    buckets.add(new MeterSample.Bucket(b.bucket(TimeUnit.SECONDS), b.count()));
                }
                samples.add(new MeterSample(id.getName(), tags, MeterSample.Kind.TIMER, snapshot.count(),
                        snapshot.total(TimeUnit.SECONDS), buckets));
            } else if (meter instanceof io.micrometer.core.instrument.Counter c) {
                samples.add(new MeterSample(id.getName(), tags, MeterSample.Kind.COUNTER, c.count(), 0, List.of()));
            } else if (meter instanceof FunctionCounter c) {
                samples.add(new MeterSample(id.getName(), tags, MeterSample.Kind.COUNTER, c.count(), 0, List.of()));
            } else if (meter instanceof Gauge g) {
                samples.add(new MeterSample(id.getName(), tags, MeterSample.Kind.GAUGE, g.value(), 0, List.of()));
            }
        }
        return samples;
    }

    /** @return every meter in the Prometheus text format (version 0.0.4) */
    public String scrape() {
        return registry.scrape();
    }

    /** Unbinds the garbage collection listeners and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
        retained.clear();
    }

    private static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A meter name is lower case words separated by dots, such as"
                    + " thywill.messages.received, not '" + name + "'");
        }
        return name;
    }

    private static Tags tags(String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in key and value pairs; " + tags.length + " were given");
        }
        return Tags.of(tags);
    }
}
