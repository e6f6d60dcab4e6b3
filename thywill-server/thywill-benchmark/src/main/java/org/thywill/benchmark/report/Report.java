package org.thywill.benchmark.report;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured. Rates are per second of the measured window; latencies are milliseconds (for the connect
 * storm: from handshake to the first connect reply); the server's figures come from the server process itself.
 * A figure that could not be measured is {@code -1}.
 *
 * @param server the kind of server
 * @param scenario the scenario
 * @param transport the transport
 * @param clients the clients asked for
 * @param connected the clients that connected (and joined their room)
 * @param seconds the measured window
 * @param sent messages the clients sent in the window
 * @param received messages delivered to the clients in the window (connect storm: connections made)
 * @param askedPerSecond the send rate asked for ({@code --rate}), or -1 when the clients send on each reply or not
 *                       at all
 * @param sentPerSecond {@code sent} per second: the load offered. Below {@link #OFFERED_SHARE} of
 *                      {@code askedPerSecond}, the generator fell behind and the run says nothing of the server at
 *                      the asked rate ({@link #fellBehind()})
 * @param receivedPerSecond {@code received} per second
 * @param p50 the median latency
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest latency
 * @param errors failed handshakes, connects and publishes, and error answers
 * @param reconnections handshakes after a client's first
 * @param missing deliveries expected over the whole run that never arrived
 * @param duplicates deliveries, over the whole run, of a message its client had received already (not counted in
 *                   {@code received})
 * @param expected the deliveries the messages sent in the window should cause (an echo: one; a broadcast: one per
 *                 member of its room)
 * @param beforeHold of {@code received}, deliveries of messages sent before the window: in flight when it opened
 * @param afterHold deliveries of messages sent in the window that arrived after it: in flight when it closed. With
 *                  nothing missing, {@code expected = received - beforeHold + afterHold}
 * @param cpuMsPer1000 the server's CPU milliseconds per 1,000 messages received (connect storm: connections)
 * @param heapKbPerConnection the server's live heap per idle connection, after a full collection
 * @param rssKbPerConnection the server's resident memory per idle connection
 * @param threadsPerConnection the server's threads per idle connection
 * @param serverThreads the server's threads with every client connected and idle
 * @param serverHeapMb the server's live heap with every client connected and idle
 * @param startMillis from launching the server's process to its port accepting connections, when launched
 */
public record Report(String server, String scenario, String transport, long clients, long connected,
                     double seconds, long sent, long received, double askedPerSecond, double sentPerSecond,
                     double receivedPerSecond,
                     double p50, double p90, double p99, double p999, double max,
                     long errors, long reconnections, long missing, long duplicates,
                     long expected, long beforeHold, long afterHold, double cpuMsPer1000, double heapKbPerConnection, double rssKbPerConnection,
                     double threadsPerConnection, long serverThreads, double serverHeapMb, long startMillis) {

    /** The least share of the asked rate a run must send for its figures to describe the server at that rate. */
    public static final double OFFERED_SHARE = 0.95;

    /**
     * @return true if a rate was asked and the clients sent less than {@link #OFFERED_SHARE} of it in the window:
     *         the load generator, not the server, was the limit
     */
    public boolean fellBehind() {
        return askedPerSecond > 0 && sentPerSecond < OFFERED_SHARE * askedPerSecond;
    }

    /**
     * @param millis the server's start time
     * @return this report with it
     */
    public Report withStartMillis(long millis) {
        return new Report(server, scenario, transport, clients, connected, seconds, sent, received, askedPerSecond,
                sentPerSecond, receivedPerSecond, p50, p90, p99, p999, max, errors, reconnections, missing, duplicates,
                expected, beforeHold, afterHold, cpuMsPer1000,
                heapKbPerConnection, rssKbPerConnection, threadsPerConnection, serverThreads, serverHeapMb, millis);
    }

    /** @return the fields by name, for JSON */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        try {
            for (RecordComponent c : Report.class.getRecordComponents()) {
                map.put(c.getName(), c.getAccessor().invoke(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return map;
    }

    /**
     * @param map fields by name, as {@link #toMap()} or the Socket.IO load client gives them; missing ones are -1
     * @return the report
     */
    public static Report fromMap(Map<?, ?> map) {
        RecordComponent[] components = Report.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = map.get(components[i].getName());
            if (types[i] == String.class) {
                values[i] = value == null ? "" : value.toString();
            } else {
                Number n = value instanceof Number number ? number : -1;
                values[i] = types[i] == long.class ? (Object) n.longValue() : (Object) n.doubleValue();
            }
        }
        try {
            return Report.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
