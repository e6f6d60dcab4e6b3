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
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Sends to a user in a cluster of two nodes sharing MySQL: each of the user's devices gets the message once,
 * whichever node it is connected to, and the receipt completes when one of them acknowledges; logging the user out
 * on one node closes their devices on both.
 */
class UserAcrossNodesTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;
    private static final String CLOSED = "/service/thywill/auth/closed";

    @AutoClose
    private static TestCluster cluster;
    private static ThywillTestServer n1;
    private static ThywillTestServer n2;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(ClusterProbeApplication.ID, true).jwt(UserTokens.SECRET);
        n1 = cluster.start("n1");
        n2 = cluster.start("n2");
    }

    static TestClient device(ThywillTestServer node, String user) {
        return TestClient.connectAs(node, ClusterProbeApplication.ID, Transport.WEBSOCKET, UserTokens.of(user));
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
}
