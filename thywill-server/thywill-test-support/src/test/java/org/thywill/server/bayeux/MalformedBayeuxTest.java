package org.thywill.server.bayeux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Malformed Bayeux gets a Bayeux error, never a 5xx nor exception text, and costs nothing but the offending message:
 * over HTTP a 4xx with a JSON body, over WebSocket an error reply on a socket that carries on.
 */
class MalformedBayeuxTest {

    private static final int MAX_MESSAGE_SIZE = 4096;
    /** Bodies that are not Bayeux, or Bayeux with fields of the wrong type. */
    static final List<String> MALFORMED = List.of(
            "[]", "null", "", "[[[[]]]]", "[1]", "\"x\"", "{}", "[{\"channel\":5}]", "[null]",
            "\"clientId\":5", "[{\"channel\":\"/meta/connect\",\"clientId\":5,\"connectionType\":\"long-polling\"}]",
            "\"ext\":\"x\"", "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                    + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":\"x\"}]",
            "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],"
                    + "\"ext\":{\"thywill\":\"x\"}}]",
            "[{\"channel\":\"/meta/connect\",\"advice\":7}]", "[{\"channel\":\"/meta/subscribe\",\"id\":[1]}]",
            "[{\"channel\":\"/meta/handshake\"},{\"channel\":\"/meta/handshake\"}]",
            "[{\"channel\":\"/service/thywill/probe\",\"data\":", "{\"a\":tru}",
            "[".repeat(2000) + "]".repeat(2000),
            "[{\"channel\":\"/x\",\"data\":" + "{\"a\":".repeat(600) + "1" + "}".repeat(600) + "}]");

    @TempDir
    static Path home;
    private static ThywillTestServer server;
    private static Path log;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("probe").home(home)
                .set("clientInterface", "maxMessageSize", MAX_MESSAGE_SIZE)
                .set("log", "file", "logs/thywill.log")
                .set("log", "level", "INFO")
                .set("log", "console", false).start();
        log = home.resolve("logs/thywill.log");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertNoLeak(String text) {
        for (String leak : new String[] {"Exception", "at org.", "Jetty", "jetty", "12.1", "cometd.server"}) {
            assertFalse(text.contains(leak), "leaks '" + leak + "': " + text);
        }
    }

    /** Asserts the body is Bayeux's error shape, with the status's code first in the error. */
    static void assertBayeuxError(int status, String body, String context) {
        List<Map<String, Object>> replies = RawBayeux.messages(body);
        assertFalse(replies.isEmpty(), context);
        for (Map<String, Object> reply : replies) {
            assertEquals(Boolean.FALSE, reply.get("successful"), context + ": " + body);
            assertTrue(String.valueOf(reply.get("error")).startsWith(status + "::"), context + ": " + body);
            assertTrue(reply.containsKey("channel"), context + ": " + body);
        }
    }

    @Test
    void malformedBodiesOverHttpGetA4xxWithABayeuxErrorAndLogNothingAboveDebug() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int logged = RawBayeux.linesFrom(log, 0).size();
        List<String> wrong = new ArrayList<>();
        for (String body : MALFORMED) {
            HttpResponse<String> response = RawBayeux.post(http, server, body);
            String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
            if (response.statusCode() < 400 || response.statusCode() >= 500
                    || !response.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
                wrong.add(response.statusCode() + " " + response.headers().firstValue("content-type") + " for "
                        + shown + ": " + response.body());
                continue;
            }
            assertNoLeak(response.body());
            assertBayeuxError(response.statusCode(), response.body(), shown);
        }
        assertEquals(List.of(), wrong);
        Thread.sleep(200);
        assertEquals(List.of(), RawBayeux.linesFrom(log, logged), "nothing logged above DEBUG");
    }

    @Test
    void aBodyOverTheSizeLimitGets413() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String clientId = (String) RawBayeux.messages(
                RawBayeux.post(http, server, RawBayeux.HANDSHAKE_HTTP).body()).get(0).get("clientId");
        for (int size : new int[] {MAX_MESSAGE_SIZE + 1, 3 * MAX_MESSAGE_SIZE, 1 << 20}) {
            String body = RawBayeux.echo(clientId, "1", "x".repeat(size));
            HttpResponse<String> response = RawBayeux.post(http, server, body);
            assertEquals(413, response.statusCode(), size + " bytes: " + response.body());
            // The rest of an oversized body may stay unread, so the server says it ends the connection.
            assertEquals("close", response.headers().firstValue("Connection").orElse(null), size + " bytes");
            assertNoLeak(response.body());
            assertBayeuxError(413, response.body(), size + " bytes");
        }
        HttpResponse<String> fits = RawBayeux.post(http, server,
                RawBayeux.echo(clientId, "2", "x".repeat(MAX_MESSAGE_SIZE - 300)));
        assertEquals(200, fits.statusCode(), fits.body());
    }

    @Test
    void aConnectReplacedByAnotherOfTheSameClientGets409Not500() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String clientId = (String) RawBayeux.messages(
                RawBayeux.post(browser, server, RawBayeux.HANDSHAKE_HTTP).body()).get(0).get("clientId");
        String connect = "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\","
                + "\"connectionType\":\"long-polling\"}]";
        assertEquals(200, RawBayeux.post(browser, server, connect).statusCode(), "the first connect returns at once");
        var held = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return RawBayeux.post(browser, server, connect);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500); // the second is held, waiting for messages
        int logged = RawBayeux.linesFrom(log, 0).size();
        var replacing = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return RawBayeux.post(browser, server, connect);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> replaced = held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(409, replaced.statusCode(), replaced.body());
        assertBayeuxError(409, replaced.body(), "the replaced connect");
        assertNoLeak(replaced.body());
        assertEquals(200, replacing.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        assertEquals(List.of(), RawBayeux.linesFrom(log, logged), "nothing logged above DEBUG");
    }

    @Test
    void aNonUtf8BodyIsRefusedWith415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        server.uri().resolve("/thywill/cometd"))
                .header("Content-Type", "application/json;charset=ISO-8859-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[1]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertBayeuxError(415, response.body(), "latin-1");
    }

    @Test
    void malformedFramesOverWebSocketGetAnErrorReplyAndTheSocketCarriesOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int logged = RawBayeux.linesFrom(log, 0).size();
        RawBayeux.Socket socket = new RawBayeux.Socket(http, server);
        try (TestClient bystander = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            String clientId = socket.handshake();
            int n = 0;
            for (String frame : MALFORMED) {
                socket.send(frame);
                String reply = socket.error(Duration.ofSeconds(5));
                String shown = frame.length() > 80 ? frame.substring(0, 80) + "..." : frame;
                assertTrue(reply != null, "an error reply to " + shown + (socket.closed.isDone()
                        ? "; closed: " + socket.closed.join() : ""));
                assertNoLeak(reply);
                assertBayeuxError(400, reply, shown);
                socket.send(RawBayeux.echo(clientId, "ok" + n, "after"));
                assertEquals(Boolean.TRUE, socket.reply("ok" + n, Duration.ofSeconds(5)).get("successful"), shown);
                n++;
            }
            assertFalse(socket.closed.isDone(), () -> "closed: " + socket.closed.join());
            bystander.send(Map.of("cmd", "echo", "data", "fine"));
            assertEquals("fine", bystander.nextMessage());
        } finally {
            socket.close();
        }
        Thread.sleep(200);
        assertEquals(List.of(), RawBayeux.linesFrom(log, logged), "nothing logged above DEBUG");
    }
}
