package org.thywill.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending the processes tests start (a packaged server, nginx), so that none outlives its test. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /**
     * Asks the process to end (SIGTERM, so its shutdown hooks run), and kills it when it has not ended within the
     * grace period.
     *
     * @param process a process, alive or not
     * @param grace how long it may take to end by itself
     */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
