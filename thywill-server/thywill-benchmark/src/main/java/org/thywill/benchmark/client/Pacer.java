package org.thywill.benchmark.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs an action at a steady rate on its own thread, open-loop: sends are due by the clock, not by replies, so a
 * slow server shows as latency rather than as a lower rate. The action should only hand the send on
 * ({@link SendLanes}): this thread keeps time, and one that did the sending itself fell behind on a loaded machine.
 * If it falls behind, it catches up at once, and the report's sent rate against the asked one shows that the
 * generator, not the server, was the limit.
 */
final class Pacer {

    private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Pacer() {
    }

    /**
     * @param name the thread's name
     * @param perSecond actions per second, more than 0
     * @param running whether to go on
     * @param action what to do each time
     * @return the started thread
     */
    static Thread start(String name, double perSecond, BooleanSupplier running, Runnable action) {
        long tick = tickNanos(perSecond);
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            long done = 0;
            while (running.getAsBoolean()) {
                long due = due(System.nanoTime() - start, perSecond);
                while (done < due && running.getAsBoolean()) {
                    action.run();
                    done++;
                }
                LockSupport.parkNanos(tick);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * @param perSecond actions per second, more than 0
     * @return how long to sleep between looks at the clock: one interval between actions, within 200 µs and 10 ms.
     *         Waking more often than actions fall due only costs the CPU the run is measuring (it once woke every
     *         200 µs whatever the rate: 5,000 wake-ups a second for 1,000 sends).
     */
    static long tickNanos(double perSecond) {
        return Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, (long) (1e9 / perSecond)));
    }

    /**
     * @param elapsedNanos the time since the pacing started
     * @param perSecond actions per second
     * @return how many actions are due by then (the first falls due one interval after the start)
     */
    static long due(long elapsedNanos, double perSecond) {
        return (long) (elapsedNanos * perSecond / 1e9);
    }
}
