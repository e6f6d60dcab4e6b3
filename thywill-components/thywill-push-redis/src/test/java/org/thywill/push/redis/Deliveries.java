package org.thywill.push.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.thywill.testing.TestClient;

/** Reads what a test client received, skipping what a test does not look at (welcomes, arrivals). */
final class Deliveries {

    /** How long a test waits for one message: generous, as the machine may be loaded. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Where the cluster probe answers a connection's commands. */
    static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;

    private Deliveries() {
    }

    /**
     * @param client a client
     * @param channel the Bayeux channel to look at
     * @param key a key the message's data must have
     * @return the data of the next message on that channel with that key; fails after {@link #WAIT}
     */
    static Map<?, ?> next(TestClient client, String channel, String key) {
        return find(client, WAIT, d -> channel.equals(d.channel()) && d.data() instanceof Map<?, ?> m
                && m.containsKey(key)).orElseThrow(() -> new AssertionError("No message with '" + key + "' on "
                + channel + " within " + WAIT.toSeconds() + "s"));
    }

    /**
     * @param client a client
     * @param wait how long to wait
     * @param wanted which delivery is looked for
     * @return the data of the first matching delivery, others being skipped, or empty
     */
    static Optional<Map<?, ?>> find(TestClient client, Duration wait, Predicate<TestClient.Delivery> wanted) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Optional<TestClient.Delivery> next = client.next(Duration.ofNanos(left));
            if (next.isPresent() && wanted.test(next.get())) {
                return Optional.of((Map<?, ?>) next.get().data());
            }
        }
    }

    /** Has the cluster probe join the client's session to its room, and waits for its answer. */
    static void join(TestClient client) {
        client.send(Map.of("cmd", "join"));
        next(client, DIRECT, "joined");
    }

    /** Has the cluster probe tell the client of presence changes and nodes declared down, and waits for its answer. */
    static void watch(TestClient client) {
        client.send(Map.of("cmd", "watch"));
        next(client, DIRECT, "watching");
    }

    /** @return the client's session id, as the cluster probe answers it */
    static String session(TestClient client) {
        client.send(Map.of("cmd", "whoami"));
        return (String) next(client, DIRECT, "session").get("session");
    }
}
