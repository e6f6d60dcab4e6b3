package org.thywill.server.transports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.PlainWebSocketClient;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** What protocol.md's "Plain WebSocket" promises beyond the behaviour both transports share. */
class PlainWebSocketProtocolTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("probe", "delivery").withPlainWebSocket().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> error(Map<String, Object> frame) {
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) frame.get(frame.containsKey("reason") ? "reason" : "error");
        return error;
    }

    private static Map<String, Object> hello(String application) {
        return Map.of("op", "hello", "application", application);
    }

    @Test
    void theJavaScriptLibraryIsServedToAnyOriginAndEveryOtherPathIsAJson404() throws Exception {
        URI base = server.plainWebSocketUri();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + base.getPort() + "/thywill/ws/thywill-ws.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals("*", script.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + base.getPort() + "/thywill/init/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        assertEquals("{\"error\":{\"status\":404,\"message\":\"Not Found\"}}", other.body());
        assertFalse(other.headers().firstValue("Server").isPresent(), "no answer names the server");

        String page = http.send(HttpRequest.newBuilder(server.page("probe")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("\"plainWebSocket\":{") && page.contains("\"port\":" + base.getPort()),
                "the page says where the plain WebSocket is");
    }

    @Test
    void badFramesAreAnsweredWithWhatToChangeAndTheSocketStaysForAHello() {
        try (PlainWebSocketClient client = PlainWebSocketClient.openSilent(server.plainWebSocketUri())) {
            client.sendRaw("not json");
            assertEquals("bad-frame", error(client.nextFrame()).get("code"));
            client.sendRaw("[1, 2]");
            assertEquals("bad-frame", error(client.nextFrame()).get("code"));
            client.sendRaw("[".repeat(100) + "]".repeat(100));
            assertEquals("bad-frame", error(client.nextFrame()).get("code"));
            client.sendRaw("{\"op\": \"ping\", \"ref\": 7}");
            assertEquals("bad-frame", error(client.nextFrame()).get("code"));

            Map<String, Object> early = client.ask(Map.of("op", "send", "data", Map.of("type", "message")));
            assertEquals("hello-first", error(early).get("code"));
            Map<String, Object> unknown = client.ask(hello("nope"));
            assertEquals("unknown-application", error(unknown).get("code"));
            assertFalse(String.valueOf(error(unknown).get("message")).contains("Exception"));
            assertEquals("pong", client.ask(Map.of("op", "ping")).get("op"));

            Map<String, Object> welcome = client.ask(hello("probe"));
            assertEquals("welcome", welcome.get("op"), welcome::toString);
            assertTrue(((String) welcome.get("connection")).startsWith("ws-"));
            assertEquals("already-welcomed", error(client.ask(hello("probe"))).get("code"));
            assertEquals("bad-frame", error(client.ask(Map.of("op", "send", "data", "not an envelope")))
                    .get("code"));
            assertEquals("bad-frame", error(client.ask(Map.of("op", "dance"))).get("code"));
            assertEquals("accepted", client.ask(Map.of("op", "send", "application", "probe",
                    "data", Map.of("type", "message", "data", Map.of("cmd", "whoami")))).get("op"));
            assertEquals("plain-websocket", ((Map<?, ?>) client.nextMessage()).get("transport"));
            assertTrue(metrics().contains("thywill_connections{transport=\"plain-websocket\"}"),
                    "its connections are counted beside Bayeux's");
        }
    }

    @Test
    void aSendTheServerRefusesIsRefusedNeverAccepted() {
        try (PlainWebSocketClient client = PlainWebSocketClient.openSilent(server.plainWebSocketUri())) {
            assertEquals("welcome", client.ask(hello("probe")).get("op"));
            Map<String, Object> badAck = client.ask(Map.of("op", "send", "data", Map.of("type", "ack")));
            assertEquals("refused", badAck.get("op"), badAck::toString);
            assertEquals("bad-message", error(badAck).get("code"));
            Map<String, Object> longId = client.ask(Map.of("op", "send", "data",
                    Map.of("type", "message", "id", "x".repeat(1000), "data", "hi")));
            assertEquals("refused", longId.get("op"), longId::toString);
            assertEquals("bad-message", error(longId).get("code"));
            assertFalse(String.valueOf(error(longId).get("message")).contains("Exception"));
            assertEquals("accepted", client.ask(Map.of("op", "send", "data",
                    Map.of("type", "message", "data", Map.of("cmd", "whoami")))).get("op"), "the socket stays");
        }
    }

    @Test
    void anAckSentJustBeforeClosingTakesEffectBeforeTheSessionsNextHelloReplays() {
        try (PlainWebSocketClient commander = PlainWebSocketClient.connect(server, "delivery")) {
            PlainWebSocketClient first = PlainWebSocketClient.connect(server, "delivery");
            String session = first.sessionId();
            for (int i = 0; i < 30; i++) {
                commander.send(Map.of("cmd", "numbers", "session", session, "count", 1, "pauseMillis", 0));
                assertEquals("sent 1", commander.nextMessage());
                long handled = ((Number) first.next().envelope().get("seq")).longValue();
                // The client acked it on handling it: the ack goes out before the close frame, as a page's does.
                first.close();

                PlainWebSocketClient next = PlainWebSocketClient.connect(server.plainWebSocketUri(), "delivery",
                        true, Map.of("session", session));
                commander.send(Map.of("cmd", "numbers", "session", session, "count", 1, "pauseMillis", 0));
                assertEquals("sent 1", commander.nextMessage());
                long seq = ((Number) next.next().envelope().get("seq")).longValue();
                assertTrue(seq > handled, "run " + i + ": seq " + handled + " was acknowledged before the socket"
                        + " closed, yet replayed to the session's next connection");
                first = next;
            }
            first.close();
        }
    }

    private static String metrics() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/thywill/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFrameOverTheSizeCapIsRefusedAndAFarLargerOneClosesTheSocket() {
        try (PlainWebSocketClient client = PlainWebSocketClient.connect(server, "probe")) {
            client.sendRaw("{\"op\": \"ping\", \"pad\": \"" + "x".repeat(65_536) + "\"}");
            assertEquals("message-too-big", error(client.nextFrame()).get("code"));
            assertEquals("accepted", client.send(Map.of("cmd", "echo", "data", "still here")).get("op"));
            assertEquals("still here", client.nextMessage());

            try {
                client.sendRaw("\"" + "x".repeat(5 * 65_536) + "\"");
            } catch (CompletionException closedWhileWriting) {
                // The server may close the socket before the whole frame is written: the close code says why.
            }
            assertEquals(1009, client.closeCode());
        }
    }

    @Test
    void aPageAndAPlainClientOfOneSessionBothReceiveItsMessages() {
        try (TestClient page = TestClient.connect(server, "probe", TestClient.Transport.WEBSOCKET);
             PlainWebSocketClient byId = PlainWebSocketClient.connect(server.plainWebSocketUri(), "probe", true,
                     Map.of("session", page.sessionCookie().getValue()));
             PlainWebSocketClient byCookie = PlainWebSocketClient.openSilent(server.plainWebSocketUri(),
                     Map.of("Cookie", "thywill_session=" + page.sessionCookie().getValue()))) {
            assertEquals(page.sessionCookie().getValue(), byId.sessionId());
            assertEquals(page.sessionCookie().getValue(), byCookie.ask(hello("probe")).get("session"));

            byId.send(Map.of("cmd", "toSession", "data", "to the whole session"));
            assertEquals("to the whole session", page.nextMessage());
            assertEquals("to the whole session", byId.nextMessage());
            assertEquals("to the whole session", byCookie.nextMessage());
        }
    }

    @Test
    void aChannelReachesItsMembersOverBothTransportsAlike() {
        try (TestClient page = TestClient.connect(server, "probe", TestClient.Transport.WEBSOCKET);
             PlainWebSocketClient device = PlainWebSocketClient.connect(server, "probe")) {
            page.send(Map.of("cmd", "join", "channel", "mixed"));
            device.send(Map.of("cmd", "join", "channel", "mixed"));
            assertEquals("joined", page.nextMessage());
            assertEquals("joined", device.nextMessage());

            page.send(Map.of("cmd", "toChannel", "channel", "mixed", "data", "from the page"));
            device.send(Map.of("cmd", "toChannel", "channel", "mixed", "data", "from the device"));
            for (Object received : List.of(page.nextMessage(), page.nextMessage(), device.nextMessage(),
                    device.nextMessage())) {
                assertTrue(List.of("from the page", "from the device").contains(received), String.valueOf(received));
            }
        }
    }

    @Test
    void aBurstOfNumberedMessagesArrivesWholeWhileItsAcknowledgementsStayUnderTheirAllowance() {
        try (PlainWebSocketClient commander = PlainWebSocketClient.connect(server, "delivery");
             PlainWebSocketClient client = PlainWebSocketClient.connect(server, "delivery")) {
            commander.send(Map.of("cmd", "numbers", "session", client.sessionId(), "count", 300, "pauseMillis", 0));
            for (long i = 0; i < 300; i++) {
                assertEquals(i, client.nextMessage());
            }
            assertEquals("pong", client.ask(Map.of("op", "ping")).get("op"), "no frame of the client was refused");
        }
    }

    @Test
    void anUnknownSessionGetsANewOneAndAForeignPageIsRefusedAtTheUpgrade() {
        try (PlainWebSocketClient client = PlainWebSocketClient.connect(server.plainWebSocketUri(), "probe", true,
                Map.of("session", "made-up"))) {
            assertFalse("made-up".equals(client.sessionId()));
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> PlainWebSocketClient
                .openSilent(server.plainWebSocketUri(), Map.of("Origin", "http://evil.example")));
        assertTrue(String.valueOf(refused.getCause()).contains("403") || String.valueOf(refused.getCause()
                .getCause()).contains("403"), refused::toString);
        try (PlainWebSocketClient ownHost = PlainWebSocketClient.openSilent(server.plainWebSocketUri(),
                Map.of("Origin", "http://127.0.0.1:8080"))) {
            assertEquals("welcome", ownHost.ask(hello("probe")).get("op"));
        }
    }

    @Test
    void connectionsPastTheCapsAndSilentSocketsAreClosedSayingWhy() {
        ThywillTestServer limited = ThywillTestServer.withApplications("probe").withPlainWebSocket()
                .set("clientInterface", "plain", Map.of("port", 0, "maxConnectionsPerAddress", 2,
                        "helloTimeout", "500ms")).start();
        PlainWebSocketClient first = PlainWebSocketClient.connect(limited, "probe");
        PlainWebSocketClient second = PlainWebSocketClient.connect(limited, "probe");
        try (PlainWebSocketClient third = PlainWebSocketClient.openSilent(limited.plainWebSocketUri())) {
            Map<String, Object> close = third.nextFrame();
            assertEquals("close", close.get("op"));
            assertEquals("too-many-connections", error(close).get("code"));
            assertEquals(1013, third.closeCode());

            second.close();
            Opened silent = awaitPlace(limited);
            assertEquals("hello-timeout", error(silent.firstFrame()).get("code"));
            assertEquals(4408, silent.client().closeCode());

            limited.close();
            assertEquals("server-stopping", error(first.nextFrame()).get("code"));
            assertEquals(1001, first.closeCode());
        } finally {
            first.close();
            limited.close();
        }
    }

    /** A socket and the first frame the server sent it. */
    private record Opened(PlainWebSocketClient client, Map<String, Object> firstFrame) {
    }

    /** A place frees when the server has seen the close, a moment after the client sent it. */
    private static Opened awaitPlace(ThywillTestServer server) {
        for (int attempt = 0; ; attempt++) {
            PlainWebSocketClient socket = PlainWebSocketClient.openSilent(server.plainWebSocketUri());
            Map<String, Object> frame = socket.nextFrame();
            if (!"too-many-connections".equals(error(frame).get("code")) || attempt == 20) {
                return new Opened(socket, frame);
            }
            socket.close();
        }
    }
}
