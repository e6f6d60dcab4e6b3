package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thywill.testing.TestJson;
import org.thywill.server.operations.Scrape;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * What the server keeps of what a client sends is capped: message ids, service channels, the applications a
 * handshake names, connections. Each cap is stated in documentation/protocol.md or configuration.md.
 */
class InputLimitsTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void aMessageIdLongerThanSixtyFourCharactersIsRefusedWithBadMessage() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start();
             TestClient client = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            client.send(Map.of("cmd", "echo", "data", "at the cap"), "i".repeat(64));
            assertEquals("at the cap", client.nextMessage());

            client.send(Map.of("cmd", "echo", "data", "over the cap"), "i".repeat(65));
            TestClient.Delivery refused = client.next();
            assertEquals("error", refused.type(), "a 65-character id is refused, not echoed: " + refused);
            Map<String, Object> error = (Map<String, Object>) refused.envelope().get("error");
            assertEquals("bad-message", error.get("code"));
            assertTrue(String.valueOf(error.get("message")).contains("64"), "the error states the cap: " + error);
            assertTrue(client.next(QUIET).isEmpty(), "and the message never reached the application");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishingToApplicationsThatDoNotRunIsRefusedAndLeavesNoChannelBehind() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start();
             TestClient client = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            double before = channels(server);
            for (int i = 0; i < 50; i++) {
                Message reply = client.publish("/service/thywill/nosuch" + i, Map.of("type", "message", "data", i));
                assertFalse(reply.isSuccessful(), "the publish itself fails: " + reply);
                Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) reply.getExt()
                        .get("thywill")).get("error");
                assertEquals("unknown-application", error.get("code"), "and its reply says why: " + reply);
                TestClient.Delivery told = client.next();
                assertEquals("/thywill/nosuch" + i, told.channel());
                assertEquals("unknown-application", ((Map<String, Object>) told.envelope().get("error")).get("code"));
            }
            assertEquals(before, channels(server), "no channel was created for an application that does not run");

            client.send(Map.of("cmd", "echo", "data", "still fine"));
            assertEquals("still fine", client.nextMessage());
        }
    }

    @Test
    void aHandshakeNamingThousandsOfApplicationsGetsInboxesOnlyForRunningOnes() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            double before = gauge(server, "thywill_inboxes");
            StringBuilder handled = new StringBuilder("{\"probe\":0");
            for (int i = 0; i < 5000; i++) {
                handled.append(",\"a").append(i).append("\":1");
            }
            HttpResponse<String> reply = handshake(server, "\"ack\":true,\"handled\":" + handled + "}");
            assertTrue(reply.body().contains("\"successful\":true"), reply.body());
            assertEquals(before + 1, gauge(server, "thywill_inboxes"),
                    "one inbox, the running application's, not one per name the handshake made up");
        }
    }

    @ParameterizedTest
    @CsvSource({"maxConnectionsPerAddress, 429::too_many_connections_from_address, max-connections-per-address",
                "maxConnections, 503::too_many_connections, max-connections"})
    @SuppressWarnings("unchecked")
    void aHandshakeOverAConnectionCapIsRefusedSayingWhichAndCounted(String setting, String bayeuxError,
                                                                    String reason) throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxConnections", setting.equals("maxConnections") ? 3 : 0)
                .set("clientInterface", "maxConnectionsPerAddress", setting.equals("maxConnections") ? 0 : 3)
                .start()) {
            List<TestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(TestClient.connect(server, "probe", i % 2 == 0 ? Transport.WEBSOCKET
                            : Transport.LONG_POLLING));
                }
                Map<String, Object> refused = (Map<String, Object>) ((List<Object>) TestJson.parse(
                        handshake(server, "").body())).get(0);
                assertEquals(false, refused.get("successful"), refused.toString());
                assertEquals(bayeuxError, refused.get("error"));
                Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                        refused.get("ext")).get("thywill")).get("error");
                assertEquals("too-many-connections", error.get("code"));
                assertEquals(setting, error.get("limit"), "the refusal names the setting: " + error);
                assertEquals("handshake", ((Map<String, Object>) refused.get("advice")).get("reconnect"),
                        "a browser tries again later rather than giving up");
                assertEquals(1.0, Scrape.of(server.uri()).value("thywill_handshakes_refused_total", "reason", reason)
                        .orElseThrow());

                clients.remove(0).close();
                String again = "";
                for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end
                        && !again.contains("\"successful\":true"); Thread.sleep(100)) {
                    again = handshake(server, "").body();
                }
                assertTrue(again.contains("\"successful\":true"), "a connection that ended frees its place: " + again);
            } finally {
                clients.forEach(TestClient::close);
            }
        }
    }

    /** Handshakes over long-polling as a program would, with more in {@code ext.thywill} than a browser sends. */
    static HttpResponse<String> handshake(ThywillTestServer server, String moreThywillExt) throws Exception {
        String body = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":"
                + "[\"long-polling\"],\"ext\":{\"thywill\":{\"application\":\"probe\""
                + (moreThywillExt.isEmpty() ? "" : "," + moreThywillExt) + "}}}]";
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/thywill/cometd"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double gauge(ThywillTestServer server, String name) {
        return Scrape.of(server.uri()).value(name).orElseThrow(() -> new AssertionError("No metric " + name));
    }

    static double channels(ThywillTestServer server) {
        return gauge(server, "thywill_bayeux_channels");
    }
}
