package org.thywill.benchmark.server;

import java.util.Set;

/**
 * Departures from the defaults for the bare CometD baseline, to measure what a candidate default would change.
 * {@link #DEFAULTS} is the baseline the reports compare Thywill with.
 *
 * @param json CometD's JSON library: {@code jetty} (CometD's default) or {@code jackson}
 * @param maxThreads the Jetty thread pool's size; 0 keeps Jetty's default (200)
 * @param ack whether the server has CometD's acknowledge extension, which browsers' clients use (messages then
 *            travel in /meta/connect replies, each batch confirmed by the next /meta/connect)
 */
public record BaselineTuning(String json, int maxThreads, boolean ack) {

    /** CometD's and Jetty's own defaults. */
    public static final BaselineTuning DEFAULTS = new BaselineTuning("jetty", 0, false);

    /** Validates. */
    public BaselineTuning {
        if (!Set.of("jetty", "jackson").contains(json)) {
            throw new IllegalArgumentException("--json must be jetty or jackson, not '" + json + "'.");
        }
        if (maxThreads != 0 && maxThreads < 8) {
            throw new IllegalArgumentException("--max-threads must be 0 (Jetty's default) or at least 8.");
        }
    }
}
