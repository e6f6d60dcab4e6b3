package org.thywill.database.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one daemon thread each of the session writer and the scavenger works on, started and stopped alike. */
final class BackgroundThread {

    private static final long STOP_SECONDS = 10;

    private BackgroundThread() {
    }

    /**
     * @param name the thread's name
     * @return a scheduler on one new daemon thread
     */
    static ScheduledExecutorService start(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lets the task under way finish (for up to 10 s) and runs no other.
     *
     * @param scheduler a scheduler from {@link #start}, or null
     */
    static void stop(ScheduledExecutorService scheduler) {
        if (scheduler == null) {
            return;
        }
        // Not shutdownNow: an embedded H2 closes its file when a thread writing to it is interrupted.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
