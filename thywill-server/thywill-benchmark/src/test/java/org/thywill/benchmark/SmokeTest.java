package org.thywill.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.benchmark.client.LoadRun;
import org.thywill.benchmark.compare.RedisKeys;
import org.thywill.benchmark.report.Report;
import org.thywill.benchmark.report.ReportFormat;
import org.thywill.benchmark.server.CometdBaselineServer;
import org.thywill.benchmark.server.ThywillBenchmarkServer;
import org.thywill.kernel.Thywill;

/**
 * The benchmark works end to end, briefly: 20 clients for 2 s per scenario against Thywill (and, broadcasting,
 * against two Thywill nodes over the machine's Redis) and against the bare
 * CometD baseline, both in this JVM. It checks that messages flow without errors and that the report has its
 * percentiles; never the numbers, which depend on the machine.
 */
class SmokeTest {

    private static final String REDIS = "redis://127.0.0.1:6379";

    private static Thywill thywill;
    private static CometdBaselineServer cometd;

    @BeforeAll
    static void startServers(@TempDir Path home) throws Exception {
        thywill = ThywillBenchmarkServer.start("127.0.0.1", 0, home, Map.of());
        cometd = CometdBaselineServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServers() {
        if (thywill != null) {
            thywill.close();
        }
        if (cometd != null) {
            cometd.close();
        }
    }

    private static RunSettings settings(ServerKind server, URI url, Scenario scenario, TransportKind transport,
                                        int rate) {
        return new RunSettings(server, url, scenario, transport, 20, Duration.ofMillis(500), Duration.ZERO,
                Duration.ofSeconds(2), rate, 50, 4, 20, 8);
    }

    private static Report run(ServerKind server, URI url, Scenario scenario, TransportKind transport, int rate)
            throws Exception {
        Report report = LoadRun.run(settings(server, url, scenario, transport, rate));
        System.out.print(ReportFormat.text(report));
        return report;
    }

    private static void assertDelivered(Report report) {
        assertEquals(20, report.connected(), "clients connected");
        assertTrue(report.received() > 0, "messages received: " + report);
        assertEquals(0, report.errors(), "errors: " + report);
        assertEquals(0, report.missing(), "missing deliveries: " + report);
        assertEquals(0, report.duplicates(), "duplicate deliveries: " + report);
        assertEquals(report.expected(), report.received() - report.beforeHold() + report.afterHold(),
                "the hold's deliveries add up: " + report);
        assertTrue(report.p50() >= 0 && report.p50() <= report.p90() && report.p90() <= report.p99()
                && report.p99() <= report.p999() && report.p999() <= report.max(), "percentiles: " + report);
        assertTrue(report.cpuMsPer1000() > 0, "server CPU per 1,000 deliveries: " + report);
        assertTrue(ReportFormat.text(report).contains("p99.9"), "the text report shows p99.9");
    }

    /** Also checks that every client is owed each broadcast: with nothing missing, every client received it. */
    private static void assertBroadcastDelivered(Report report) {
        assertDelivered(report);
        assertEquals(20 * report.sent(), report.expected(), "each broadcast is owed to every client: " + report);
    }

    /** @return the server of that kind in this JVM */
    private static URI uri(ServerKind server) {
        return server == ServerKind.COMETD ? cometd.uri() : thywill.uri();
    }

    @ParameterizedTest(name = "{0} echoes over {1}")
    @CsvSource({"THYWILL, WEBSOCKET, 200", "THYWILL, LONG_POLLING, 100", "COMETD, WEBSOCKET, 200"})
    void echoes(ServerKind server, TransportKind transport, int rate) throws Exception {
        Report report = run(server, uri(server), Scenario.ECHO, transport, rate);
        assertDelivered(report);
        assertEquals(rate, report.askedPerSecond(), "the report says what rate was asked: " + report);
    }

    @ParameterizedTest(name = "{0} broadcasts to every client")
    @EnumSource(value = ServerKind.class, names = {"THYWILL", "COMETD"})
    void broadcastsToEveryClient(ServerKind server) throws Exception {
        assertBroadcastDelivered(run(server, uri(server), Scenario.BROADCAST, TransportKind.WEBSOCKET, 10));
    }

    @Test
    void thywillBroadcastsToClientsThatAcknowledgeAsBrowsersDo() throws Exception {
        double acknowledgedBefore = acknowledgements();
        Report report = LoadRun.run(settings(ServerKind.THYWILL, thywill.uri(), Scenario.BROADCAST,
                TransportKind.WEBSOCKET, 10).acknowledging(true));
        System.out.print(ReportFormat.text(report));
        assertBroadcastDelivered(report);
        double acknowledged = acknowledgements() - acknowledgedBefore;
        assertTrue(acknowledged >= report.received() / 2.0, "the clients acknowledged numbered messages: "
                + acknowledged + " of " + report.received());
    }

    /** @return how many numbered messages clients have acknowledged, by the server's metrics */
    private static double acknowledgements() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                thywill.uri().resolve("/thywill/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        return metrics.body().lines().filter(line -> line.startsWith("thywill_delivery_latency_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void thywillDeliversWithinRooms() throws Exception {
        assertDelivered(run(ServerKind.THYWILL, thywill.uri(), Scenario.ROOMS, TransportKind.WEBSOCKET, 20));
    }

    @Test
    void thywillTakesAConnectStorm() throws Exception {
        Report report = run(ServerKind.THYWILL, thywill.uri(), Scenario.CONNECT_STORM, TransportKind.WEBSOCKET, 0);
        assertEquals(20, report.received(), "connections made: " + report);
        assertEquals(0, report.errors(), "errors: " + report);
        assertTrue(report.max() > 0, "handshake latencies: " + report);
        assertEquals(-1, report.askedPerSecond(), "a connect storm asks for no send rate: " + report);
    }

    @Test
    void twoNodesOverRedisBroadcastToEveryClientOnBoth(@TempDir Path one, @TempDir Path two) throws Exception {
        String prefix = "thywill-bench-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        try (Thywill first = ThywillBenchmarkServer.startNode("127.0.0.1", 0, one, Map.of(), REDIS, prefix, "n1");
             Thywill second = ThywillBenchmarkServer.startNode("127.0.0.1", 0, two, Map.of(), REDIS, prefix, "n2")) {
            RunSettings settings = settings(ServerKind.THYWILL_REDIS, first.uri(), Scenario.BROADCAST,
                    TransportKind.WEBSOCKET, 10).against(ServerKind.THYWILL_REDIS, List.of(first.uri(), second.uri()));
            Report report = LoadRun.run(settings);
            System.out.print(ReportFormat.text(report));
            assertBroadcastDelivered(report); // every client, on either node
        } finally {
            RedisKeys.delete(REDIS, prefix);
        }
    }
}
