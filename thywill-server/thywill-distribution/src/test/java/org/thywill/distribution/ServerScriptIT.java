package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/thywill-server}: the first run records what it loaded when it stops (on Java 25 and later an
 * ahead-of-time cache, {@code thywill.aot}; before, a class data sharing archive, {@code thywill.jsa}), and the next
 * run starts with it. The test runs the script with the Java that runs it. How much faster that is, is measured in
 * documentation/benchmarks.md, not here.
 */
class ServerScriptIT {

    private static final boolean AHEAD_OF_TIME_CACHE = Runtime.version().feature() >= 25;

    private final Path archive =
            DistributionProcess.home().resolve(AHEAD_OF_TIME_CACHE ? "thywill.aot" : "thywill.jsa");

    @AfterEach
    void removeArchive() throws IOException {
        Files.deleteIfExists(archive);
    }

    @Test
    void theFirstRunRecordsTheArchiveWhenItStopsAndTheNextRunStartsWithIt(@TempDir Path folder) throws IOException {
        Files.deleteIfExists(archive);
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, null, "");
        Duration first;
        try (DistributionProcess server = DistributionProcess.startScript(folder, settings, port).awaitServing()) {
            String recording = AHEAD_OF_TIME_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
            assertTrue(server.commandLine().contains(recording), server.commandLine());
            first = server.untilPortAnswered();
        }
        assertTrue(Files.size(archive) > 1_000_000, "an archive was written at exit: " + archive);

        try (DistributionProcess server = DistributionProcess.startScript(folder, settings, port).awaitServing()) {
            String using = AHEAD_OF_TIME_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
            assertTrue(server.commandLine().contains(using), server.commandLine());
            assertFalse(server.output().contains("[warning][cds]"), server.output());
            assertFalse(server.output().contains("[warning][aot]"), server.output());
            System.out.printf("bin/thywill-server: port accepted after %d ms without the archive, %d ms with it%n",
                    first.toMillis(), server.untilPortAnswered().toMillis());
        }
    }
}
