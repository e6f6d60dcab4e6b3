package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;
import org.thywill.testing.ThywillTestServer;

/**
 * The attacks on memory that the caps answer, run together at the caps against a real server, from one address as
 * fast as it takes them: every connection the address may hold, each handshake naming 5,000 made-up applications,
 * each connection filling its window of message ids with ids of the longest length, sending ids of 60,000
 * characters and publishing to made-up applications. What the server keeps afterwards, measured as the heap after
 * a full collection while every connection is still held, stays under {@value #BOUND_PER_CONNECTION} bytes per
 * connection (documentation/operations.md, "Limits"); it measured 48 KB, an idle connection's 16 KB included.
 * Before the caps the same run held 150 connections and kept 420 MB, 2.8 MB each (the ids' text, 5,000 inboxes
 * per handshake, the channels), and took 26 s instead of 4. The test JVM runs the server, so the figure includes
 * whatever the test's own client keeps; it drops its responses before measuring.
 */
class MemoryUnderAbuseTest {

    /** Connections the attack may hold: {@code clientInterface.maxConnectionsPerAddress} here. */
    private static final int CONNECTIONS = 100;
    /** What the server may keep per held connection after the attack, every cap reached. */
    static final long BOUND_PER_CONNECTION = 100_000;
    private static final String ID_TAIL = "x".repeat(56);

    @Test
    void theCappedAttacksOfOneAddressLeaveTheHeapWithinItsBound() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "maxConnectionsPerAddress", CONNECTIONS)
                // Fast enough to fill a session's window of message ids in one go; held longer than the test.
                .set("clientInterface", "maxMessagesPerSecond", 1000)
                .set("clientInterface", "maxInterval", "60s")
                .start()) {
            Attacker warmUp = new Attacker(server);
            warmUp.attack(5, 5);
            warmUp.leave();
            double inboxesBefore = InputLimitsTest.gauge(server, "thywill_inboxes");
            double channelsBefore = InputLimitsTest.channels(server);
            long before = heapAfterFullCollection();

            long started = System.nanoTime();
            Attacker attacker = new Attacker(server);
            int held = attacker.attack(CONNECTIONS + 50, 4);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            long after = heapAfterFullCollection();
            long perConnection = (after - before) / CONNECTIONS;
            System.out.printf("Memory under abuse: %d connections held, heap %d -> %d KB after a full collection,"
                    + " %d bytes per connection; the attack took %d s%n", held, before / 1024, after / 1024,
                    perConnection, seconds);

            assertEquals(CONNECTIONS, held, "the address holds at most maxConnectionsPerAddress connections");
            assertTrue(InputLimitsTest.gauge(server, "thywill_inboxes") <= inboxesBefore + CONNECTIONS,
                    "one inbox per connection's session, for the one application that runs");
            assertTrue(InputLimitsTest.channels(server) <= channelsBefore + 1, "no channel of a made-up application");
            assertTrue(perConnection <= BOUND_PER_CONNECTION, "The server kept " + perConnection + " bytes per"
                    + " connection after the attack, more than " + BOUND_PER_CONNECTION);
            attacker.leave();
        }
    }

    private static long heapAfterFullCollection() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** A program speaking Bayeux over HTTP as no browser would. */
    private static final class Attacker {
        private final ThywillTestServer server;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final List<String> clientIds = new ArrayList<>();

        Attacker(ThywillTestServer server) {
            this.server = server;
        }

        /**
         * @param handshakes how many connections to try
         * @param longIds how many messages with a 60,000-character id each connection sends
         * @return how many connections the server took
         */
        @SuppressWarnings("unchecked")
        int attack(int handshakes, int longIds) throws Exception {
            StringBuilder handled = new StringBuilder("{\"probe\":0");
            for (int i = 0; i < 5000; i++) {
                handled.append(",\"a").append(i).append("\":1");
            }
            handled.append('}');
            for (int i = 0; i < handshakes; i++) {
                Map<String, Object> reply = (Map<String, Object>) ((List<Object>) TestJson.parse(post(
                        "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":"
                                + "[\"long-polling\"],\"ext\":{\"thywill\":{\"application\":\"probe\",\"ack\":true,"
                                + "\"handled\":" + handled + "}}}]"))).get(0);
                if (Boolean.TRUE.equals(reply.get("successful"))) {
                    clientIds.add((String) reply.get("clientId"));
                }
            }
            String longId = "y".repeat(60_000);
            for (String clientId : clientIds) {
                for (int batch = 0; batch < 2; batch++) {
                    StringBuilder messages = new StringBuilder("[");
                    for (int i = 0; i < 128; i++) {
                        messages.append(i == 0 ? "" : ",").append(message(clientId, "probe",
                                String.format("%08d", batch * 128 + i) + ID_TAIL));
                    }
                    post(messages.append(']').toString());
                }
                for (int i = 0; i < longIds; i++) {
                    post("[" + message(clientId, "probe", longId + i) + "]");
                }
                StringBuilder made = new StringBuilder("[");
                for (int i = 0; i < 30; i++) {
                    made.append(i == 0 ? "" : ",").append(message(clientId, "madeup" + i, "m" + i));
                }
                post(made.append(']').toString());
            }
            return clientIds.size();
        }

        private static String message(String clientId, String applicationId, String id) {
            return "{\"channel\":\"/service/thywill/" + applicationId + "\",\"clientId\":\"" + clientId
                    + "\",\"data\":{\"type\":\"message\",\"data\":{\"cmd\":\"ignore\"},\"id\":\"" + id + "\"}}";
        }

        void leave() throws Exception {
            for (String clientId : clientIds) {
                post("[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + clientId + "\"}]");
            }
            clientIds.clear();
        }

        private String post(String body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    server.uri().resolve("/thywill/cometd"))
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
            return response.body();
        }
    }
}
