package org.thywill.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.server.delivery.NumberStream;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** {@code GET /thywill/metrics} speaks Prometheus, and real traffic moves the meters it shows. */
class MetricsTest {

    @Test
    void connectionsMessagesAndRemoteCallsAreCountedByTransportApplicationAndFunction() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe", "rpc-probe").start()) {
            Scrape empty = Scrape.of(server.uri());
            assertEquals(200, empty.response.statusCode());
            assertTrue(empty.response.headers().firstValue("content-type").orElse("").startsWith("text/plain"),
                    "the Prometheus text format: " + empty.response.headers());
            assertTrue(empty.value("jvm_memory_used_bytes").isPresent(), "JVM basics are there");
            assertEquals(10.0, empty.value("thywill_database_connections_max", "database", "h2").orElseThrow());
            assertEquals(0.0, empty.value("thywill_connections", "transport", "websocket").orElseThrow());

            try (TestClient ws = TestClient.connect(server, "probe", Transport.WEBSOCKET);
                 TestClient lp = TestClient.connect(server, "probe", Transport.LONG_POLLING);
                 TestClient rpc = TestClient.connect(server, "rpc-probe", Transport.WEBSOCKET)) {
                for (int i = 0; i < 3; i++) {
                    ws.send(Map.of("cmd", "echo", "data", i));
                    assertEquals(i, ((Number) ws.nextMessage()).intValue());
                }
                lp.send(Map.of("cmd", "echo", "data", "x"));
                assertEquals("x", lp.nextMessage());
                call(rpc, "1", "add", 1, 2);
                call(rpc, "2", "fail");
                call(rpc, "3", "madeUpName");

                Scrape.until(server.uri(), v -> v == 2, "thywill_connections", "transport", "websocket");
                Scrape.until(server.uri(), v -> v == 1, "thywill_connections", "transport", "long-polling");
                Scrape.until(server.uri(), v -> v >= 3, "thywill_sessions");
                Scrape.until(server.uri(), v -> v >= 2, "thywill_handshakes_total", "transport", "websocket");
                Scrape.until(server.uri(), v -> v == 4, "thywill_messages_received_total", "application", "probe");
                Scrape.until(server.uri(), v -> v >= 4, "thywill_messages_sent_total", "application", "probe");
                Scrape.until(server.uri(), v -> v == 1, "thywill_rpc_calls_total", "application", "rpc-probe",
                        "function", "add");
                Scrape.until(server.uri(), v -> v == 1, "thywill_rpc_errors_total", "application", "rpc-probe",
                        "function", "fail", "code", "failed");
                // A name the application does not have is counted, but never becomes a label of its own.
                Scrape calls = Scrape.until(server.uri(), v -> v == 1, "thywill_rpc_errors_total",
                        "application", "rpc-probe", "function", "unknown", "code", "not-found");
                assertTrue(calls.value("thywill_rpc_duration_seconds_count", "application", "rpc-probe",
                        "function", "add").orElseThrow() >= 1, "remote calls are timed");
                assertTrue(calls.value("thywill_rpc_calls_total", "function", "madeUpName").isEmpty());
                ws.disconnect();
            }
            Scrape.until(server.uri(), v -> v >= 1, "thywill_disconnects_total", "reason", "client");
            Scrape.until(server.uri(), v -> v == 0, "thywill_connections", "transport", "websocket");
        }
    }

    @Test
    void messagesOverTheRateLimitAreCountedAsDropped() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessagesPerSecond", 1).start();
             TestClient client = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            assertEquals(0.0, Scrape.of(server.uri()).value("thywill_messages_dropped_total",
                    "reason", "rate-limited").orElseThrow());
            for (int i = 0; i < 20; i++) {
                client.send(Map.of("cmd", "echo", "data", i));
            }
            // 20 messages fit in one second's worth (1) only if sending them took 19 s or more.
            Scrape dropped = Scrape.until(server.uri(), v -> v >= 1, "thywill_messages_dropped_total",
                    "reason", "rate-limited");
            assertTrue(dropped.value("thywill_messages_dropped_total", "reason", "inbox-overflow").isPresent());
        }
    }

    @Test
    void deliveryLatencyIsTimedFromTheSendToTheClientsAcknowledgement() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("delivery").start();
             TestClient sender = TestClient.connect(server, "delivery", Transport.WEBSOCKET);
             TestClient page = TestClient.connect(server, "delivery", Transport.WEBSOCKET)) {
            sender.send(Map.of("cmd", "numbers", "session", page.sessionCookie().getValue(), "count", 5,
                    "pauseMillis", 0));
            for (int i = 0; i < 5; i++) {
                page.nextMessage();
            }
            // The test client acknowledges in batches, as the browser library does.
            Scrape timed = Scrape.until(server.uri(), v -> v >= 5, "thywill_delivery_latency_seconds_count");
            double seconds = timed.value("thywill_delivery_latency_seconds_sum").orElseThrow();
            assertTrue(seconds >= 0 && seconds / 5 < 10, "a plausible mean: " + seconds / 5 + " s");
            Scrape.until(server.uri(), v -> v == 0, "thywill_inbox_messages");
        }
    }

    @Test
    void messagesWaitingForAnOfflineSessionAreCounted() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("delivery").start();
             TestClient sender = TestClient.connect(server, "delivery", Transport.WEBSOCKET)) {
            TestClient page = TestClient.connect(server, "delivery", Transport.WEBSOCKET);
            page.disconnect();
            sender.send(Map.of("cmd", "numbers", "session", page.sessionCookie().getValue(), "count", 7,
                    "pauseMillis", 0));
            assertEquals("sent 7", sender.nextMessage());
            Scrape.until(server.uri(), v -> v == 7, "thywill_inbox_messages");
            try (TestClient again = page.reconnect(Transport.WEBSOCKET)) {
                for (int i = 0; i < 7; i++) {
                    again.nextMessage();
                }
                Scrape.until(server.uri(), v -> v == 0, "thywill_inbox_messages");
            }
            page.close();
        }
    }

    @Test
    void theBrowserLibraryReportsHowLongMessagesTookToReachThePagesHandlers() {
        int count = 20;
        try (NumberStream stream = NumberStream.start(false, count, 5)) {
            // Reported every 5 s by the page's library, measured by the server's clock as the handshake told it.
            Scrape reported = Scrape.until(stream.server().uri(), v -> v >= count,
                    "thywill_client_handler_latency_seconds_count", "application", "delivery");
            double mean = reported.value("thywill_client_handler_latency_seconds_sum", "application", "delivery")
                    .orElseThrow() / count;
            assertTrue(mean >= 0 && mean < 10, "a plausible mean from send to handler: " + mean + " s");
        }
    }

    @Test
    void theEndpointIsNotServedWhenTurnedOff() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("server", "metrics", false).start()) {
            assertEquals(404, Scrape.of(server.uri()).response.statusCode());
        }
    }

    private static void call(TestClient client, String id, String name, Object... args) {
        Map<String, Object> envelope = new HashMap<>(Map.of("type", "rpc", "id", id, "name", name,
                "args", Arrays.asList(args)));
        assertTrue(client.publish("/service/thywill/rpc-probe", envelope).isSuccessful());
        TestClient.Delivery answer = client.next();
        assertEquals(id, answer.envelope().get("id"), "the answer to call " + id + ": " + answer);
    }
}
