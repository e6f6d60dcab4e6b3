package org.thywill.server.bayeux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Thousands of seeded malformed Bayeux texts over HTTP and WebSocket ({@link MalformedBayeuxGenerator}): no 5xx, no
 * exception text or server version in any answer, no WebSocket closed, no sessions or channels left behind, and
 * well-behaved clients alongside get every reply.
 */
class BayeuxFuzzTest {

    /** Another seed, more texts and more time for a longer hunt: {@code -Dthywill.fuzz.seed=7 -Dthywill.fuzz.texts=50000}. */
    private static final long SEED = Long.getLong("thywill.fuzz.seed", 20261207L);
    private static final int MAX_MESSAGE_SIZE = 4096;
    private static final int HTTP_TEXTS = Integer.getInteger("thywill.fuzz.texts", 2000);
    private static final int WEBSOCKET_TEXTS = HTTP_TEXTS;
    /** Each half stops early past this, on a machine too busy to send them all in time. */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("thywill.fuzz.seconds", 20));

    @Test
    void malformedBayeuxNeverHurtsTheServerNorOtherClients() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxMessageSize", MAX_MESSAGE_SIZE)
                .set("clientInterface", "maxMessagesPerSecond", 1000)
                .set("clientInterface", "maxInterval", "1s").start();
             TestClient polling = TestClient.connect(server, "probe", Transport.LONG_POLLING);
             TestClient socket = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String fuzzClient = (String) RawBayeux.messages(
                    RawBayeux.post(http, server, RawBayeux.HANDSHAKE_HTTP).body()).get(0).get("clientId");
            for (TestClient client : List.of(polling, socket)) { // the application's service channel exists
                client.send(Map.of("cmd", "echo", "data", "first"));
                assertEquals("first", client.nextMessage());
            }
            Thread.sleep(1500); // the fuzzer's own session expires: it is not part of the baseline
            double channels = gauge(server, "thywill_bayeux_channels");
            double connections = gauge(server, "thywill_connections");
            assertEquals(2, connections);

            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean fuzzing = new AtomicBoolean(true);
            AtomicInteger roundTrips = new AtomicInteger();
            List<Thread> wellBehaved = new ArrayList<>();
            for (TestClient client : List.of(polling, socket)) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; fuzzing.get() && failures.size() < 10; i++) {
                        try {
                            client.send(Map.of("cmd", "echo", "data", "ping" + i));
                            Object echo = client.nextMessage();
                            if (!("ping" + i).equals(echo)) {
                                failures.add("a well-behaved client got " + echo + " for ping" + i);
                            }
                            roundTrips.incrementAndGet();
                            Thread.sleep(2); // well-behaved: well under maxMessagesPerSecond
                        } catch (RuntimeException | AssertionError e) {
                            failures.add("a well-behaved client missed a reply: " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
                thread.start();
                wellBehaved.add(thread);
            }

            long started = System.nanoTime();
            MalformedBayeuxGenerator generator = new MalformedBayeuxGenerator(SEED, MAX_MESSAGE_SIZE, () -> fuzzClient);
            int httpSent = 0;
            for (int i = 0; i < HTTP_TEXTS && failures.size() < 10 && !spent(started); i++, httpSent++) {
                String body = generator.next(2 * MAX_MESSAGE_SIZE);
                HttpResponse<String> response = RawBayeux.post(http, server, body);
                check("HTTP #" + i, response.statusCode(), response.body(), body, failures);
                if (response.statusCode() >= 400 && !response.body().startsWith("[{")) {
                    failures.add("HTTP #" + i + ": " + response.statusCode() + " without a Bayeux error: "
                            + response.body());
                }
                if (response.headers().firstValue("server").isPresent()) {
                    failures.add("HTTP #" + i + " names the server: " + response.headers().firstValue("server"));
                }
            }
            long httpMillis = (System.nanoTime() - started) / 1_000_000;

            MalformedBayeuxGenerator frames = new MalformedBayeuxGenerator(SEED + 1, MAX_MESSAGE_SIZE, () -> fuzzClient);
            List<RawBayeux.Socket> sockets = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                RawBayeux.Socket raw = new RawBayeux.Socket(HttpClient.newHttpClient(), server);
                raw.handshake();
                sockets.add(raw);
            }
            long framesStarted = System.nanoTime();
            int framesSent = 0;
            for (int i = 0; i < WEBSOCKET_TEXTS && failures.size() < 10 && !spent(framesStarted); i++, framesSent++) {
                RawBayeux.Socket raw = sockets.get(i % sockets.size());
                String frame = frames.next(3 * MAX_MESSAGE_SIZE);
                raw.send(frame);
                if (i % 50 == 49) {
                    for (RawBayeux.Socket each : sockets) {
                        drain(each, "WebSocket #" + i, failures);
                    }
                }
            }
            Thread.sleep(500);
            for (RawBayeux.Socket raw : sockets) {
                drain(raw, "WebSocket end", failures);
                if (raw.closed.isDone()) {
                    failures.add("a fuzzed WebSocket was closed: " + raw.closed.join());
                }
                raw.close();
            }
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            fuzzing.set(false);
            for (Thread t : wellBehaved) {
                t.join(10_000);
            }
            assertEquals(List.of(), failures);
            assertTrue(roundTrips.get() >= 20, roundTrips + " round trips of the well-behaved clients");
            assertTrue(httpSent >= 500 && framesSent >= 500, httpSent + " HTTP bodies and " + framesSent
                    + " WebSocket texts sent in the time given");
            System.out.printf("Seed %d: fuzzed %d HTTP bodies in %d ms and %d WebSocket texts, %d ms in all; %d round trips"
                    + " of well-behaved clients alongside%n", SEED, httpSent, httpMillis, framesSent, totalMillis,
                    roundTrips.get());

            // What the fuzzers' handshakes created expires (maxInterval 1 s); nothing else stays.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((gauge(server, "thywill_connections") > connections || gauge(server, "thywill_bayeux_channels")
                    > channels) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(connections, gauge(server, "thywill_connections"), "connections left behind");
            assertEquals(channels, gauge(server, "thywill_bayeux_channels"), "channels left behind");
            polling.send(Map.of("cmd", "echo", "data", "still here"));
            assertEquals("still here", polling.nextMessage());
        }
    }

    private static boolean spent(long started) {
        return System.nanoTime() - started > BUDGET.toNanos();
    }

    private static void drain(RawBayeux.Socket socket, String where, List<String> failures) throws Exception {
        for (String frame = socket.next(Duration.ZERO); frame != null; frame = socket.next(Duration.ZERO)) {
            check(where, 200, frame, "", failures);
        }
    }

    private static void check(String where, int status, String answer, String sent, List<String> failures) {
        String shown = sent.length() > 200 ? sent.substring(0, 200) + "..." : sent;
        if (status >= 500) {
            failures.add(where + ": " + status + " for " + shown + ": " + answer);
        }
        for (String leak : new String[] {"Exception", "at org.", "Jetty(", "jetty", "Caused by"}) {
            if (answer.contains(leak) && !sent.contains(leak)) {
                failures.add(where + " leaks '" + leak + "': " + answer);
            }
        }
    }

    private static double gauge(ThywillTestServer server, String name) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/thywill/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
