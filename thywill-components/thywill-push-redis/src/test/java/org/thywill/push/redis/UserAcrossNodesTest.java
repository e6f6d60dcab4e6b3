package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestTokens;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Sends to a user in a cluster of two nodes sharing MySQL: each of the user's devices gets the message once,
 * whichever node it is connected to, and the receipt completes when one of them acknowledges; logging the user out
 * on one node closes their devices on both; each join and leave of the user is reported once, by the node where it
 * happened (each node has a watcher).
 */
class UserAcrossNodesTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;
    private static final String CLOSED = "/service/thywill/auth/closed";
    private static final String ROOM = DIRECT + "/channel/" + ClusterProbeApplication.ROOM;
    private static final Duration QUIET = Duration.ofMillis(2500);

    @AutoClose
    private static TestCluster cluster;
    private static ThywillTestServer n1;
    private static ThywillTestServer n2;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(ClusterProbeApplication.ID, true).jwt(TestTokens.SECRET);
        n1 = cluster.start("n1");
        n2 = cluster.start("n2");
    }

    static TestClient device(ThywillTestServer node, String user) {
        return TestClient.connectAs(node, ClusterProbeApplication.ID, Transport.WEBSOCKET, TestTokens.of(user));
    }

    @Test
    void aMessageToAUserReachesTheirDevicesOnBothNodesOnceEach() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(n1, alice);
             TestClient phone = device(n2, alice);
             TestClient bob = device(n1, "bob-" + UUID.randomUUID())) {
            bob.send(Map.of("cmd", "toUser", "user", alice, "text", "to both"));
            for (TestClient device : new TestClient[] {laptop, phone}) {
                assertEquals("to both", Deliveries.next(device, DIRECT, "text").get("text"));
                assertTrue(Deliveries.find(device, Duration.ofMillis(500), d -> d.data() instanceof Map<?, ?> m
                        && m.containsKey("text")).isEmpty(), "no message arrives twice");
            }
            assertTrue(Deliveries.find(bob, Duration.ofMillis(500), d -> d.data() instanceof Map<?, ?> m
                    && m.containsKey("text")).isEmpty(), "another user receives nothing");
        }
    }

    @Test
    void theReceiptCompletesWhenTheDeviceOnTheOtherNodeAcknowledges() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient phone = device(n2, alice);
             TestClient bob = device(n1, "bob-" + UUID.randomUUID())) {
            bob.send(Map.of("cmd", "toUser", "user", alice, "text", "receipted", "receipt", true));
            assertEquals("receipted", Deliveries.next(phone, DIRECT, "text").get("text"));
            assertTrue(((Number) Deliveries.next(bob, DIRECT, "receipt").get("receipt")).longValue() > 0);
        }
    }

    @Test
    void loggingAUserOutOnOneNodeClosesTheirDevicesOnBothWithTheReason() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(n1, alice);
             TestClient phone = device(n2, alice);
             TestClient bob = device(n1, "bob-" + UUID.randomUUID())) {
            bob.send(Map.of("cmd", "logout", "user", alice, "text", "Signed out by an administrator"));
            assertEquals(1, ((Number) Deliveries.next(bob, DIRECT, "ended").get("ended")).intValue(),
                    "this node ended the laptop's connection; the other node ends the phone's");
            for (TestClient device : new TestClient[] {laptop, phone}) {
                TestClient.Delivery notice = device.next();
                while (!CLOSED.equals(notice.channel())) {
                    notice = device.next();
                }
                assertEquals(Map.of("code", "signed-out", "message", "Signed out by an administrator"),
                        notice.envelope());
                TestCluster.await("device disconnected", Deliveries.WAIT, () -> !device.isConnected());
            }
            bob.send(Map.of("cmd", "whoami"));
            Deliveries.next(bob, DIRECT, "session");
        }
    }

    @Test
    void aUserJoinedToAChannelOnOneNodeReceivesItOnTheirDeviceOnTheOther() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient phone = device(n2, alice);
             TestClient bob = device(n1, "bob-" + UUID.randomUUID())) {
            bob.send(Map.of("cmd", "joinUser", "user", alice));
            Deliveries.next(bob, DIRECT, "joinedUser");
            TestCluster.await("alice's phone receives the room", Deliveries.WAIT, () -> {
                String text = "probe-" + UUID.randomUUID();
                bob.send(Map.of("cmd", "say", "text", text));
                return Deliveries.find(phone, Duration.ofMillis(300), d -> ROOM.equals(d.channel())
                        && d.data() instanceof Map<?, ?> m && text.equals(m.get("text"))).isPresent();
            });
        }
    }

    private static TestClient watcher(ThywillTestServer node) {
        TestClient watcher = device(node, "watcher-" + UUID.randomUUID());
        watcher.send(Map.of("cmd", "watch"));
        Deliveries.next(watcher, DIRECT, "watching");
        return watcher;
    }

    @Test
    void eachJoinAndLeaveOfAUserIsReportedOnceOnTheNodeWhereItHappened() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient w1 = watcher(n1); TestClient w2 = watcher(n2)) {
            TestClient laptop = device(n1, alice);
            assertEquals(Map.of("userJoined", alice), event(w1, alice, Deliveries.WAIT), "n1 reports the join");
            TestClient phone = device(n2, alice);
            laptop.close();
            assertEquals(null, event(w1, alice, QUIET), "n1 reports nothing more: the phone is still there");
            assertEquals(null, event(w2, alice, Duration.ofMillis(300)),
                    "n2 reported no join: alice was present already");
            phone.close();
            assertEquals(Map.of("userLeft", alice), event(w2, alice, Deliveries.WAIT),
                    "n2, where the last device left, reports the leave after the grace period");
            assertEquals(null, event(w2, alice, QUIET), "once");
            assertEquals(null, event(w1, alice, Duration.ofMillis(300)), "and only there");
        }
    }

    /** @return the next userJoined or userLeft of {@code user} the watcher is told of in time, or null */
    private static Map<?, ?> event(TestClient watcher, String user, Duration wait) {
        return Deliveries.find(watcher, wait, d -> d.data() instanceof Map<?, ?> m
                && (user.equals(m.get("userJoined")) || user.equals(m.get("userLeft")))).orElse(null);
    }
}
