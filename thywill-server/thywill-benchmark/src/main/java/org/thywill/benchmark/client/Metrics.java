package org.thywill.benchmark.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The counters and the latency histogram every client records into, from any thread without locks. A measured
 * window (the hold) is opened with {@link #openWindow()} and its latencies read with {@link #closeWindow()}; the
 * messages are accounted for by the {@link DeliveryLedger}, which runs across the whole run so that messages in
 * flight at either end of the hold are told apart from duplicates and from missing ones.
 */
public final class Metrics {

    /** Latencies are recorded in microseconds, up to a minute; longer ones count as a minute. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final Map<Failure, LongAdder> errors = new EnumMap<>(Failure.class);
    private final LongAdder reconnections = new LongAdder();
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
     * @param latency the latencies of the deliveries in it, in microseconds
     */
    public record Window(long nanos, Histogram latency) {
    }

    /**
     * @param expectedDeliveries the deliveries this message should cause (1 for an echo, the members of a room for
     *        a broadcast)
     * @return the phase it was sent in, for the message to carry
     */
    DeliveryLedger.Phase sent(long expectedDeliveries) {
        return ledger.sent(expectedDeliveries);
    }

    /**
     * A message received for the first time.
     *
     * @param sentNanos the {@link System#nanoTime()} the message carried when it was sent
     * @param sentIn the phase it carried
     */
    void received(long sentNanos, DeliveryLedger.Phase sentIn) {
        ledger.delivered(sentIn);
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
        ledger.duplicate();
    }

    /** @return the hold's account of messages and deliveries, as it stands */
    DeliveryLedger.Counts counts() {
        return ledger.counts();
    }

    void reconnection() {
        reconnections.increment();
    }

    /** Starts a measured window: what was counted so far is left out of it. */
    public void openWindow() {
        latency.getIntervalHistogram();
        windowStart = System.nanoTime();
        ledger.openHold();
    }

    /** @return what was counted since {@link #openWindow()} */
    public Window closeWindow() {
        ledger.closeHold();
        long nanos = System.nanoTime() - windowStart;
        return new Window(nanos, latency.getIntervalHistogram());
    }

    /** @return deliveries still missing over the whole run: expected minus received */
    public long missing() {
        return ledger.missing();
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
