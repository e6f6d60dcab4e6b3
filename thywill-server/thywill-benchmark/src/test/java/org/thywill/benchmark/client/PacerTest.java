package org.thywill.benchmark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void sendsFallDueByTheClockOneIntervalApart() {
        assertEquals(0, Pacer.due(0, 1000), "none at the start");
        assertEquals(0, Pacer.due(SECOND / 1000 - 1, 1000), "just before the first interval ends");
        assertEquals(1, Pacer.due(SECOND / 1000, 1000));
        assertEquals(1000, Pacer.due(SECOND, 1000));
        assertEquals(30_000, Pacer.due(30 * SECOND, 1000), "a 30 s hold at 1,000/s");
    }

    @Test
    void aPacerThatWokeLateHasEveryMissedSendDueAtOnce() {
        // What is due depends on the time elapsed only, so a thread that slept 50 ms catches up with 50 sends.
        assertEquals(50, Pacer.due(TimeUnit.MILLISECONDS.toNanos(50), 1000) - Pacer.due(0, 1000));
    }

    @Test
    void thePacerWakesOnceAnIntervalWithinBounds() {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1), Pacer.tickNanos(1000), "1,000/s: every millisecond");
        assertEquals(TimeUnit.MICROSECONDS.toNanos(200), Pacer.tickNanos(100_000), "no busier than every 200 µs");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), Pacer.tickNanos(4), "no lazier than every 10 ms");
    }

    @Test
    void slowAndFractionalRatesKeepTheirAverage() {
        assertEquals(2, Pacer.due(4 * SECOND, 0.5));
        assertEquals(5, Pacer.due(2 * SECOND, 2.5));
    }
}
