package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.thywill.testing.TestClient;

/** What the channel tests do and check, through the presence probe's commands. */
final class Channels {

    /** How long a client that must receive nothing is watched. */
    static final Duration QUIET = Duration.ofMillis(800);

    private Channels() {
    }

    /** Joins the client's session to a channel and waits for the probe's answer. */
    static void join(TestClient client, String channel) {
        client.send(Map.of("cmd", "join", "channel", channel));
        assertEquals("joined", client.nextMessage());
    }

    /**
     * Joins the client's session to a channel and waits until the watcher sees it join.
     *
     * @return the session's name in the probe's events
     */
    static String joinSeen(Watcher watcher, TestClient client, String channel) {
        String who = Watcher.who(client.sessionCookie());
        join(client, channel);
        watcher.await("joined", channel, who);
        return who;
    }

    /** Ends the client's session's membership of a channel and waits for the probe's answer. */
    static void leave(TestClient client, String channel) {
        client.send(Map.of("cmd", "leave", "channel", channel));
        assertEquals("left", client.nextMessage());
    }

    /** Has the probe join another session, named as the {@link Watcher} names it, and waits for the answer. */
    static void joinSession(TestClient asker, String channel, String who) {
        asker.send(Map.of("cmd", "joinSession", "channel", channel, "who", who));
        assertEquals("joined", asker.nextMessage());
    }

    /** Has the probe end another session's membership of a channel and waits for the answer. */
    static void leaveSession(TestClient asker, String channel, String who) {
        asker.send(Map.of("cmd", "leaveSession", "channel", channel, "who", who));
        assertEquals("left", asker.nextMessage());
    }

    /** Has the probe send data to a channel; the sender must not be a member, or it receives it too. */
    static void send(TestClient sender, String channel, Object data) {
        sender.send(Map.of("cmd", "toChannel", "channel", channel, "data", data));
    }

    /** Checks that the next thing the client receives is data on the channel. */
    static void assertReceives(TestClient client, String channel, Object data) {
        TestClient.Delivery delivery = client.next();
        assertEquals("/thywill/" + PresenceProbeApplication.ID + "/channel/" + channel, delivery.channel(),
                () -> "Delivered elsewhere: " + delivery);
        assertEquals(data, delivery.data());
    }

    /** Checks that the client receives nothing for a while. */
    static void assertNothing(TestClient client, String why) {
        Optional<TestClient.Delivery> got = client.next(QUIET);
        assertTrue(got.isEmpty(), () -> why + ", but got " + got.get());
    }
}
