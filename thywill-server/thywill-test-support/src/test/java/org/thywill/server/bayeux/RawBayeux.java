package org.thywill.server.bayeux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.thywill.testing.TestJson;
import org.thywill.testing.ThywillTestServer;

/** Bayeux as bytes: bodies POSTed and frames sent exactly as given, for tests of what a careless or hostile client sends. */
final class RawBayeux {

    static final String HANDSHAKE_HTTP = handshake("long-polling");

    private RawBayeux() {
    }

    static String handshake(String transport) {
        return "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"" + transport
                + "\"],\"ext\":{\"thywill\":{\"application\":\"probe\"}}}]";
    }

    static String echo(String clientId, String id, String text) {
        return "[{\"channel\":\"/service/thywill/probe\",\"clientId\":\"" + clientId + "\",\"id\":\"" + id + "\","
                + "\"data\":{\"type\":\"message\",\"data\":{\"cmd\":\"echo\",\"data\":\"" + text + "\"}}}]";
    }

    static HttpResponse<String> post(HttpClient http, ThywillTestServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve("/thywill/cometd"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages(String json) {
        return (List<Map<String, Object>>) TestJson.parse(json);
    }

    /** The lines of a log file from the given one on. */
    static List<String> linesFrom(Path log, int from) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.min(from, lines.size()), lines.size());
    }

    /** A WebSocket that keeps every text frame it receives, and how it was closed. */
    static final class Socket implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket webSocket;

        Socket(HttpClient http, ThywillTestServer server) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/thywill/cometd");
            webSocket = http.newWebSocketBuilder().buildAsync(uri, this).join();
        }

        void send(String text) {
            webSocket.sendText(text, true).join();
        }

        /** @return the next frame, or null after the wait */
        String next(Duration wait) throws InterruptedException {
            return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** @return the next frame with a reply to the message of this id */
        Map<String, Object> reply(String id, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                String frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (frame == null) {
                    break;
                }
                for (Map<String, Object> m : messages(frame)) {
                    if (id.equals(m.get("id"))) {
                        return m;
                    }
                }
            }
            throw new AssertionError("no reply to message " + id + (closed.isDone() ? "; closed: " + closed.join() : ""));
        }

        /** @return the next frame with an unsuccessful reply (deliveries before it are skipped), or null after the wait */
        String error(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                String frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (frame == null) {
                    return null;
                }
                if (messages(frame).stream().anyMatch(m -> Boolean.FALSE.equals(m.get("successful")))) {
                    return frame;
                }
            }
            return null;
        }

        String handshake() throws InterruptedException {
            send(RawBayeux.handshake("websocket").replace("}}}]", "}},\"id\":\"hs\"}]"));
            Map<String, Object> reply = reply("hs", Duration.ofSeconds(10));
            return (String) reply.get("clientId");
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }

        void close() {
            webSocket.abort();
        }
    }
}
