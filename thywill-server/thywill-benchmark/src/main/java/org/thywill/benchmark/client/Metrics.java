package org.thywill.benchmark.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The counters and the latency histogram every client records into, from any thread without locks. A measured
 * window is opened with {@link #openWindow()} and read with {@link #closeWindow()}; the totals run across windows
 * so that messages still in flight at the end can be accounted for.
 */
public final class Metrics {

    /** Latencies are recorded in microseconds, up to a minute; longer ones count as a minute. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder totalSent = new LongAdder();
    private final LongAdder totalReceived = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final Map<Failure, LongAdder> errors = new EnumMap<>(Failure.class);
    private final LongAdder reconnections = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private volatile long windowStart = System.nanoTime();

    /** What failed, for the breakdown of the error count. */
    enum Failure {
        /** A handshake was refused or failed. */
        HANDSHAKE,
        /** A {@code /meta/connect} failed, typically its reply was later than the client's network delay. */
        CONNECT,
        /** A publish was refused or its reply did not come in time. */
        PUBLISH,
        /** The server answered with an error, or with something the client did not ask for. */
        ANSWER
    }

    Metrics() {
        for (Failure f : Failure.values()) {
            errors.put(f, new LongAdder());
        }
    }

    /**
     * What one measured window saw.
     *
     * @param nanos the window's length
     * @param sent messages sent by the clients
     * @param received messages delivered to the clients
     * @param latency the latencies of those deliveries, in microseconds
     */
    public record Window(long nanos, long sent, long received, Histogram latency) {
    }

    /**
     * @param expectedDeliveries the deliveries this message should cause (1 for an echo, the members of a room for
     *        a broadcast)
     */
    void sent(long expectedDeliveries) {
        sent.increment();
        totalSent.increment();
        expected.add(expectedDeliveries);
    }

    /** @param sentNanos the {@link System#nanoTime()} the message carried when it was sent */
    void received(long sentNanos) {
        received.increment();
        totalReceived.increment();
        record(System.nanoTime() - sentNanos);
    }

    /** @param nanos a duration to record in the histogram without counting a delivery (handshake times) */
    void record(long nanos) {
        latency.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    void error(Failure failure) {
        errors.get(failure).increment();
    }

    /** A message a client had received already arrived again: counted here, not as a delivery. */
    void duplicate() {
        duplicates.increment();
    }

    /** @return deliveries of a message its client had received already, over the whole run */
    public long duplicates() {
        return duplicates.sum();
    }

    void reconnection() {
        reconnections.increment();
    }

    /** Starts a measured window: what was counted so far is left out of it. */
    public void openWindow() {
        latency.getIntervalHistogram();
        sent.reset();
        received.reset();
        windowStart = System.nanoTime();
    }

    /** @return what was counted since {@link #openWindow()} */
    public Window closeWindow() {
        long nanos = System.nanoTime() - windowStart;
        return new Window(nanos, sent.sum(), received.sum(), latency.getIntervalHistogram());
    }

    /** @return deliveries still missing over the whole run: expected minus received */
    public long missing() {
        return Math.max(0, expected.sum() - totalReceived.sum());
    }

    /** @return messages sent over the whole run */
    public long totalSent() {
        return totalSent.sum();
    }

    /** @return failed handshakes, connects and publishes, and error answers, over the whole run */
    public long errors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return the errors by kind, such as {@code handshake 0, connect 12, publish 3, answer 0} */
    public String errorBreakdown() {
        StringBuilder text = new StringBuilder();
        errors.forEach((failure, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(failure.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(count.sum()));
        return text.toString();
    }

    /** @return handshakes after a client's first successful one, over the whole run */
    public long reconnections() {
        return reconnections.sum();
    }
}
