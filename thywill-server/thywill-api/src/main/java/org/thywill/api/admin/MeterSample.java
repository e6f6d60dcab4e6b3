package org.thywill.api.admin;

import java.util.List;
import java.util.Map;

/**
 * One meter's value at one moment, for the console's charts. Names are the registry's, dotted
 * ({@code thywill.messages.received}); the Prometheus names at {@code /thywill/metrics} are the same with
 * underscores and a unit or {@code _total} suffix.
 *
 * @param name the meter's name
 * @param tags its tags, such as {@code application=chat}
 * @param kind what it measures
 * @param value a counter's total or a gauge's value; a timer's count of events
 * @param totalSeconds a timer's sum of durations in seconds; 0 otherwise
 * @param buckets a timer's histogram, cumulative counts by upper bound in seconds, ascending; empty otherwise
 */
public record MeterSample(String name, Map<String, String> tags, Kind kind, double value, double totalSeconds,
                          List<Bucket> buckets) {

    /** Copies the collections. */
    public MeterSample {
        tags = Map.copyOf(tags);
        buckets = List.copyOf(buckets);
    }

    /** What a meter measures. */
    public enum Kind {
        /** A total that only grows. */
        COUNTER,
        /** A value that goes up and down. */
        GAUGE,
        /** Durations: a count, a sum and a histogram. */
        TIMER
    }

    /**
     * One bucket of a timer's histogram.
     *
     * @param upperSeconds the bucket's upper bound, in seconds
     * @param count how many durations were at most that long, since the start
     */
    public record Bucket(double upperSeconds, double count) {
    }
}
