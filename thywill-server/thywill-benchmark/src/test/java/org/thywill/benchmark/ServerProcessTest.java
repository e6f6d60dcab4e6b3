package org.thywill.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.benchmark.compare.ServerProcess;

/** The launcher starts the server under test in a JVM of its own and reports when it accepts connections. */
class ServerProcessTest {

    @Test
    void launchesThywillInItsOwnJvmAndStopsIt(@TempDir Path logs) throws Exception {
        Path log = logs.resolve("thywill.log");
        ServerProcess server = ServerProcess.launch(ServerKind.THYWILL, List.of("-Xmx256m"), List.of(), logs,
                log);
        long pid;
        try {
            pid = server.pid();
            assertTrue(pid != ProcessHandle.current().pid(), "a process of its own");
            assertTrue(server.startMillis() > 0, "start time measured");
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("/thywill/init/bench/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "the benchmark application runs: " + page.body());
        } finally {
            server.close();
        }
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the process stopped");
    }

    @Test
    void refusesAnAddressBeyondThisMachine() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> RunOptions.parse("--url", "http://10.0.0.1:8080").settings(null));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertEquals(URI.create("http://localhost:8080"),
                RunOptions.parse("--url", "http://localhost:8080").settings(null).url());
    }
}
