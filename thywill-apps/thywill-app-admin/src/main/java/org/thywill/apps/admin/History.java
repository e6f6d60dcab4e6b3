package org.thywill.apps.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.thywill.api.admin.MeterSample;

/**
 * The last {@value #POINTS} seconds of the server's meters, sampled once a second: messages per second in and out
 * (in total and per application) and delivery latency percentiles, from the counters and the
 * {@code thywill.delivery.latency} histogram the server already keeps (send to the client's acknowledgement). Called from one thread; read under its lock.
 */
final class History {

    static final int POINTS = 300;
    /** Latency percentiles are of the messages acknowledged in the last this many seconds. */
    static final int LATENCY_WINDOW = 10;
    private static final String LATENCY_METER = "thywill.delivery.latency";

    /** One histogram reading: cumulative counts by upper bound, and the count of all. */
    private record Histogram(TreeMap<Double, Double> buckets, double count) {
    }

    private final Deque<Map<String, Object>> points = new ArrayDeque<>();
    private final Deque<Histogram> latency = new ArrayDeque<>();
    private Map<String, Double> lastReceived = Map.of();
    private Map<String, Double> lastSent = Map.of();
    private Map<String, double[]> rates = Map.of();
    private boolean measured;
    private long lastMillis;

    synchronized void sample(List<MeterSample> meters, long nowMillis) {
        Map<String, Double> received = byApplication(meters, "thywill.messages.received");
        Map<String, Double> sent = byApplication(meters, "thywill.messages.sent");
        Histogram delivery = histogram(meters, LATENCY_METER);
        double seconds = lastMillis == 0 ? 1 : Math.max(0.001, (nowMillis - lastMillis) / 1000.0);
        Map<String, double[]> perApp = new HashMap<>();
        double in = 0;
        double out = 0;
        if (lastMillis != 0) {
            for (String app : union(received, sent)) {
                double r = Math.max(0, received.getOrDefault(app, 0.0) - lastReceived.getOrDefault(app, 0.0))
                        / seconds;
                double s = Math.max(0, sent.getOrDefault(app, 0.0) - lastSent.getOrDefault(app, 0.0)) / seconds;
                perApp.put(app, new double[] {r, s});
                in += r;
                out += s;
            }
        }
        latency.addLast(delivery);
        while (latency.size() > LATENCY_WINDOW + 1) {
            latency.pollFirst();
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("t", nowMillis);
        point.put("in", round(in));
        point.put("out", round(out));
        Histogram window = difference(latency.peekLast(), latency.peekFirst());
        point.put("p50", percentile(window, 0.50));
        point.put("p95", percentile(window, 0.95));
        point.put("p99", percentile(window, 0.99));
        if (lastMillis != 0) {
            points.addLast(point);
        }
        while (points.size() > POINTS) {
            points.pollFirst();
        }
        measured |= delivery.count() > 0;
        lastReceived = received;
        lastSent = sent;
        rates = perApp;
        lastMillis = nowMillis;
    }

    /** @return messages per second in and out of one application over the last second */
    synchronized double[] rate(String applicationId) {
        return rates.getOrDefault(applicationId, new double[] {0, 0});
    }

    synchronized Map<String, Object> charts() {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("points", new ArrayList<>(points));
        charts.put("latencyWindowSeconds", LATENCY_WINDOW);
        charts.put("latencyMeasured", measured);
        return charts;
    }

    private static Map<String, Double> byApplication(List<MeterSample> meters, String name) {
        Map<String, Double> totals = new HashMap<>();
        for (MeterSample m : meters) {
            if (m.name().equals(name)) {
                totals.merge(m.tags().getOrDefault("application", "other"), m.value(), Double::sum);
            }
        }
        return totals;
    }

    private static Histogram histogram(List<MeterSample> meters, String name) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double count = 0;
        for (MeterSample m : meters) {
            if (m.name().equals(name) && m.kind() == MeterSample.Kind.TIMER) {
                count += m.value();
                m.buckets().forEach(b -> buckets.merge(b.upperSeconds(), b.count(), Double::sum));
            }
        }
        return new Histogram(buckets, count);
    }

    private static Histogram difference(Histogram now, Histogram before) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        now.buckets().forEach((bound, c) -> buckets.put(bound, c - before.buckets().getOrDefault(bound, 0.0)));
        return new Histogram(buckets, now.count() - before.count());
    }

    /** @return the upper bound, in milliseconds, of the bucket holding the q-th message; null when there was none */
    private static Double percentile(Histogram window, double q) {
        if (window.count() <= 0) {
            return null;
        }
        double target = q * window.count();
        for (Map.Entry<Double, Double> b : window.buckets().entrySet()) {
            if (b.getValue() >= target) {
                return round(b.getKey() * 1000);
            }
        }
        return window.buckets().isEmpty() ? null : round(window.buckets().lastKey() * 1000);
    }

    private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
        List<String> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        return all;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
