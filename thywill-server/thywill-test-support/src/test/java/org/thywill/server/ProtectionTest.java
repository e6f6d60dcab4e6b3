package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The limits that protect the server: origins, message rate, queue length and message size. */
class ProtectionTest {

    private static final String HANDSHAKE = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
            + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"thywill\":{\"application\":\"probe\"}}}]";

    private static HttpResponse<String> post(ThywillTestServer server, String body, String origin)
            throws IOException, InterruptedException {
        return post(HttpClient.newHttpClient(), server, body, origin);
    }

    private static HttpResponse<String> post(HttpClient http, ThywillTestServer server, String body, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve("/thywill/cometd"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the status line of a WebSocket upgrade on 127.0.0.1:{@code port}, sent as a browser on a page of
     *          {@code origin} sends it */
    static String upgradeStatus(int port, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /thywill/cometd HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Test
    void browsersOnOtherSitesCannotConnectWhileTheServersOwnPagesAndProgramsCan() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "allowedOrigins", List.of("https://partner.example"))
                .start()) {
            String own = "http://127.0.0.1:" + server.port();
            assertEquals(403, post(server, HANDSHAKE, "http://evil.example").statusCode());
            assertEquals(403, post(server, HANDSHAKE, "http://127.0.0.1:1").statusCode(), "another port is another origin");
            assertEquals(200, post(server, HANDSHAKE, own).statusCode());
            assertEquals(200, post(server, HANDSHAKE, "https://partner.example").statusCode());
            assertEquals(200, post(server, HANDSHAKE, null).statusCode(), "programs send no Origin");

            assertTrue(upgradeStatus(server.port(), "http://evil.example").contains(" 403"), "WebSocket upgrades too");
            assertTrue(upgradeStatus(server.port(), own).contains(" 101"), upgradeStatus(server.port(), own));
        }
    }

    @Test
    void aConnectionSendingTooFastIsToldAndSlowedWhileOthersCarryOn() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessagesPerSecond", 20).start();
             TestClient fast = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient calm = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            for (int i = 0; i < 100; i++) {
                fast.send(Map.of("cmd", "echo", "data", i));
            }
            int echoes = 0;
            int limited = 0;
            for (TestClient.Delivery d = fast.next(Duration.ofSeconds(2)).orElse(null); d != null;
                 d = fast.next(Duration.ofMillis(500)).orElse(null)) {
                if ("message".equals(d.type())) {
                    echoes++;
                } else if (String.valueOf(d.envelope().get("error")).contains("rate-limited")) {
                    limited++;
                }
            }
            assertEquals(100, echoes + limited, "every message is echoed or refused, none vanish");
            assertTrue(limited >= 50, limited + " refused of 100 sent in well under a second at 20/s");
            assertTrue(echoes >= 20, echoes + " echoed: the first second's allowance passes");

            calm.send(Map.of("cmd", "echo", "data", "unaffected"));
            assertEquals("unaffected", calm.nextMessage());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClientThatFallsBehindLosesTheBacklogAndIsToldInsteadOfExhaustingMemory() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxQueue", 10).start()) {
            // One browser: CometD ties a long-polling session to its BAYEUX_BROWSER cookie.
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            List<Object> handshake = (List<Object>) TestJson.parse(post(browser, server, HANDSHAKE, null).body());
            String clientId = (String) ((Map<String, Object>) handshake.get(0)).get("clientId");
            // The client publishes but never polls, as a stalled browser would; everything waits in its queue.
            String flood = "[{\"channel\":\"/service/thywill/probe\",\"clientId\":\"" + clientId + "\","
                    + "\"data\":{\"type\":\"message\",\"data\":{\"cmd\":\"flood\",\"count\":55}}}]";
            String body = post(browser, server, flood, null).body();
            String connect = "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\","
                    + "\"connectionType\":\"long-polling\",\"advice\":{\"timeout\":0}}]";
            body += post(browser, server, connect, null).body();
            long delivered = ((List<Object>) TestJson.parse("[" + body.replace("][", "],[") + "]")).stream()
                    .flatMap(batch -> ((List<Object>) batch).stream())
                    .map(m -> (Map<String, Object>) m)
                    .filter(m -> "/thywill/probe".equals(m.get("channel")))
                    .count();
            assertTrue(body.contains("slow-consumer"), body);
            assertTrue(delivered < 55, delivered + " delivered: the backlog beyond maxQueue was dropped");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAcknowledgingClientThatFellBehindGetsItsNumberedMessagesAgainABatchAtATime() throws Exception {
        int count = 40;
        try (ThywillTestServer server = ThywillTestServer.withApplications("delivery")
                .set("clientInterface", "maxQueue", 10).start()) {
            java.net.CookieManager cookies = new java.net.CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            browser.send(HttpRequest.newBuilder(server.uri().resolve("/thywill/init/delivery/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("thywill_session")).findFirst().orElseThrow().getValue();
            String handshake = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                    + "\"supportedConnectionTypes\":[\"long-polling\"],"
                    + "\"ext\":{\"thywill\":{\"application\":\"delivery\",\"ack\":true}}}]";
            List<Object> shook = (List<Object>) TestJson.parse(post(browser, server, handshake, null).body());
            String clientId = (String) ((Map<String, Object>) shook.get(0)).get("clientId");
            // Numbered messages to its own session, while it does not poll: its queue overflows at once.
            post(browser, server, publish(clientId, "{\"type\":\"message\",\"data\":{\"cmd\":\"numbers\","
                    + "\"session\":\"" + session + "\",\"count\":" + count + ",\"pauseMillis\":0}}"), null);
            Thread.sleep(1000);

            String connect = "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\","
                    + "\"connectionType\":\"long-polling\",\"advice\":{\"timeout\":0}}]";
            List<Object> numbers = new ArrayList<>();
            long handled = 0;
            boolean told = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (numbers.size() < count && System.nanoTime() < deadline) {
                String body = post(browser, server, connect, null).body();
                told |= body.contains("slow-consumer");
                for (Object m : (List<Object>) TestJson.parse(body)) {
                    Map<String, Object> message = (Map<String, Object>) m;
                    if (message.get("data") instanceof Map<?, ?> data && data.get("seq") instanceof Number seq
                            && seq.longValue() > handled) { // as the client library: each seq once, in order
                        handled = seq.longValue();
                        numbers.add(data.get("data"));
                    }
                }
                post(browser, server, publish(clientId, "{\"type\":\"ack\",\"seq\":" + handled + "}"), null);
                Thread.sleep(50);
            }
            assertTrue(told, "the client was told it fell behind");
            assertEquals(java.util.stream.LongStream.range(0, count).boxed().toList(), numbers,
                    "every numbered message once, in order, although its queue overflowed");
        }
    }

    private static String publish(String clientId, String data) {
        return "[{\"channel\":\"/service/thywill/delivery\",\"clientId\":\"" + clientId + "\",\"data\":" + data + "}]";
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedWithoutHarmingOthers() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessageSize", 2048).start();
             TestClient big = TestClient.connect(server, "probe", Transport.LONG_POLLING);
             TestClient small = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            Message refused = big.send(Map.of("cmd", "echo", "data", "x".repeat(10_000)));
            assertFalse(refused.isSuccessful(), "the oversized message is refused: " + refused);
            assertTrue(big.next(Duration.ofMillis(500)).map(d -> !"x".repeat(10_000).equals(d.data())).orElse(true),
                    "and never reaches the application");
            small.send(Map.of("cmd", "echo", "data", "fine"));
            assertEquals("fine", small.nextMessage());
        }
    }

    @Test
    void aWebSocketMessageOverTheSizeLimitIsAnsweredWithAnErrorAndTheSocketCarriesOn() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessageSize", 2048).start();
             TestClient big = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient small = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            String connection = big.connectionId();
            Message refused = big.send(Map.of("cmd", "echo", "data", "x".repeat(10_000)));
            assertFalse(refused.isSuccessful(), "the oversized message is refused: " + refused);
            TestClient.Delivery error = big.next();
            assertEquals("error", error.type(), "told why: " + error);
            assertTrue(String.valueOf(error.envelope().get("error")).contains("message-too-big"), error::toString);
            assertTrue(big.next(Duration.ofMillis(500)).isEmpty(), "and it never reaches the application");

            // The same socket carries on, and so does everyone else.
            big.send(Map.of("cmd", "echo", "data", "after"));
            assertEquals("after", big.nextMessage());
            assertEquals(connection, big.connectionId(), "no reconnection was needed");
            small.send(Map.of("cmd", "echo", "data", "fine"));
            assertEquals("fine", small.nextMessage());
        }
    }

    @Test
    void aWebSocketFrameFarOverTheSizeLimitClosesOnlyThatSocket() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessageSize", 2048).start();
             TestClient huge = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient small = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            // Past the frame limit (4 times maxMessageSize, or 64 KiB more) the socket is closed unread (1009).
            assertThrowsOrUnsuccessful(() -> huge.send(Map.of("cmd", "echo", "data", "x".repeat(200_000))));
            small.send(Map.of("cmd", "echo", "data", "fine"));
            assertEquals("fine", small.nextMessage());
        }
    }

    private static void assertThrowsOrUnsuccessful(java.util.function.Supplier<Message> send) {
        try {
            assertFalse(send.get().isSuccessful());
        } catch (IllegalStateException noReply) {
            // The socket was closed (1009, message too big) before any reply: also a refusal.
        }
    }
}
