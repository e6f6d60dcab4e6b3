package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong settings file stops the packaged server at once with status 1 and a message a person can act on:
 * no stack trace, and what to write instead.
 */
class BadSettingsIT {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void anUnknownDatabaseImplementationIsRefusedWithTheNamesAvailable() {
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, "{implementation: nosuch}", "");
        try (DistributionProcess server = DistributionProcess.start(folder, settings, port, Map.of())) {
            assertEquals(1, server.awaitExit(EXIT_WITHIN), server.output());
            String stderr = server.stderr();
            assertTrue(stderr.contains("Thywill did not start"), server.output());
            assertTrue(stderr.contains("nosuch"), server.output());
            assertTrue(stderr.contains("h2") && stderr.contains("mysql"),
                    "The message should list the database implementations available:\n" + server.output());
            assertNoStackTrace(server);
        }
    }

    @Test
    void anUnknownKeyIsRefusedByItsFullName() {
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, null, "prot: 1");
        try (DistributionProcess server = DistributionProcess.start(folder, settings, port, Map.of())) {
            assertEquals(1, server.awaitExit(EXIT_WITHIN), server.output());
            String stderr = server.stderr();
            assertTrue(stderr.contains("Thywill did not start"), server.output());
            assertTrue(stderr.contains("server.prot"), server.output());
            assertNoStackTrace(server);
        }
    }

    private static void assertNoStackTrace(DistributionProcess server) {
        String output = server.output();
        assertFalse(output.contains("\tat org.") || output.contains("\tat java."),
                "A settings mistake should be reported without a stack trace:\n" + output);
    }
}
