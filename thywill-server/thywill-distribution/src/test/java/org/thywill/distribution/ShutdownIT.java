package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SIGTERM, as a process manager's stop sends it, at the moment the process is least ready for it. */
class ShutdownIT {

    @TempDir
    Path folder;

    @Test
    void aTermWhileThywillStartsStopsItGracefullyOnceStarted() throws Exception {
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, null, "");
        Path log = folder.resolve("thywill.log");
        try (DistributionProcess server = DistributionProcess.start(folder, settings, port, Map.of())) {
            long deadline = System.nanoTime() + DistributionProcess.START_TIMEOUT.toNanos();
            while (!read(log).contains("Database h2 ready") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(read(log).contains("Thywill started"),
                    "The TERM should reach Thywill while it starts (after its database, before its applications)."
                            + "\n" + read(log));
            server.terminate();
            server.awaitExit(Duration.ofSeconds(45));
            String console = server.stdout();
            assertTrue(console.contains("Thywill started") && console.contains("Thywill stopped in"),
                    "Thywill should finish starting, then stop gracefully.\n" + server.output());
            assertFalse(server.stderr().contains("Exception"), server.output());
            assertTrue(read(log).contains("Thywill stopped in"), "The log file should say so too.\n" + read(log));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
