package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;

/**
 * A client of the presence probe that watches: it keeps every event the probe tells it (presence changes,
 * connections, disconnections) with the time it arrived, so a test can wait for one, count them, or ask the probe
 * who is present. A session of its own, member of nothing.
 */
final class Watcher implements AutoCloseable {

    /** How long to wait for an event that must come: a dropped long-polling client is noticed within ~8 s. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /**
     * One event.
     *
     * @param event joined, left, connected or disconnected
     * @param channel the channel, for joined and left
     * @param who the session's {@link PresenceProbeApplication#who digest}
     * @param nanos when it arrived, by {@link System#nanoTime()}
     */
    record Event(String event, String channel, String who, long nanos) {
    }

    private final TestClient client;
    private final List<Event> events = new ArrayList<>();
    private final List<Object> answers = new ArrayList<>();

    private Watcher(TestClient client) {
        this.client = client;
    }

    /**
     * @param server the server
     * @param transport the transport
     * @return a watcher that the probe already tells of events
     */
    static Watcher watch(URI server, Transport transport) {
        TestClient client = TestClient.connect(server, PresenceProbeApplication.ID, transport,
                TestClient.newSession(server, PresenceProbeApplication.ID));
        Watcher watcher = new Watcher(client);
        client.send(Map.of("cmd", "watch"));
        assertEquals("watching", watcher.nextAnswer());
        return watcher;
    }

    /**
     * @param cookie a session cookie
     * @return the name the probe gives that session in events
     */
    static String who(HttpCookie cookie) {
        return PresenceProbeApplication.who(cookie.getValue());
    }

    /**
     * @param event the kind
     * @param channel the channel, or null for connected and disconnected
     * @param who the session
     * @return the first such event, waiting up to {@link #PATIENCE}
     * @throws AssertionError if none arrives
     */
    Event await(String event, String channel, String who) {
        return await(event, channel, who, 1);
    }

    /**
     * @param event the kind
     * @param channel the channel, or null for connected and disconnected
     * @param who the session
     * @param nth which one, from 1
     * @return the nth such event, waiting up to {@link #PATIENCE}
     * @throws AssertionError if it does not arrive
     */
    Event await(String event, String channel, String who, int nth) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Event> found = events.stream().filter(e -> matches(e, event, channel, who)).toList();
            if (found.size() >= nth) {
                return found.get(nth - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !take(Duration.ofNanos(left))) {
                throw new AssertionError("No '" + event + "' number " + nth + " of " + who
                        + (channel == null ? "" : " in " + channel) + " within " + PATIENCE + "; events so far: "
                        + events);
            }
        }
    }

    /**
     * Records everything that arrives for a while.
     *
     * @param duration how long
     */
    void listenFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            take(Duration.ofNanos(left));
        }
    }

    /**
     * @param event the kind
     * @param channel the channel, or null
     * @param who the session
     * @return how many such events arrived so far
     */
    long count(String event, String channel, String who) {
        return events.stream().filter(e -> matches(e, event, channel, who)).count();
    }

    /** @return every event so far, for messages */
    List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * @param channel a channel
     * @return the probe's answer: each present session's {@code who} and connection count, sorted by who
     */
    List<Map<String, Object>> presence(String channel) {
        client.send(Map.of("cmd", "presence", "channel", channel));
        return list(nextAnswer(), "presence");
    }

    /**
     * @param channel a channel
     * @return the probe's answer: every member session's {@code who}, connected or not, sorted
     */
    List<String> members(String channel) {
        client.send(Map.of("cmd", "members", "channel", channel));
        return list(nextAnswer(), "members");
    }

    @Override
    public void close() {
        client.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object answer, String key) {
        return (List<T>) ((Map<?, ?>) answer).get(key);
    }

    private Object nextAnswer() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (answers.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !take(Duration.ofNanos(left))) {
                throw new AssertionError("The probe did not answer within " + PATIENCE);
            }
        }
        return answers.remove(0);
    }

    /** @return whether something arrived within the wait; events and answers are sorted apart */
    private boolean take(Duration wait) {
        Optional<TestClient.Delivery> delivery = client.next(wait);
        if (delivery.isEmpty()) {
            return false;
        }
        Object data = delivery.get().data();
        if (data instanceof Map<?, ?> map && map.get("event") instanceof String event) {
            events.add(new Event(event, (String) map.get("channel"), (String) map.get("who"),
                    delivery.get().arrived()));
        } else {
            answers.add(data);
        }
        return true;
    }

    private static boolean matches(Event e, String event, String channel, String who) {
        return e.event().equals(event) && Objects.equals(e.channel(), channel) && e.who().equals(who);
    }
}
