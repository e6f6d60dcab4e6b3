package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.testing.fixtures.TcpProxy;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A node loses Redis for a while: it serves its own clients, says it is degraded, and catches up by itself; after a
 * short outage, with what the other nodes said meanwhile and they with what it said.
 */
class RedisOutageTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;
    private static final String ROOM = "/thywill/cluster/channel/room";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void deliveryResumesAfterTheConnectionToRedisIsCutAndHealthSaysDegradedMeanwhile() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(new InetSocketAddress("127.0.0.1", 6379));
             TestCluster cluster = new TestCluster(ClusterProbeApplication.ID, true)) {
            ThywillTestServer cut = cluster.start("cut", "redis://127.0.0.1:" + proxy.port());
            ThywillTestServer other = cluster.start("other");
            try (TestClient a = TestClient.connect(cut, ClusterProbeApplication.ID, Transport.WEBSOCKET);
                 TestClient b = TestClient.connect(other, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
                joinRoom(a, b);
                Deliveries.watch(b);
                assertEquals(200, TestCluster.health(cut).statusCode());
                a.send(Map.of("cmd", "say", "text", "before"));
                assertEquals("before", Deliveries.next(b, ROOM, "text").get("text"));
                assertEquals("before", Deliveries.next(a, ROOM, "text").get("text"));

                proxy.cut();
                TestCluster.await("the cut node's health says degraded", WAIT, () -> {
                    var health = TestCluster.health(cut);
                    return health.statusCode() == 503 && health.body().contains("degraded");
                });
                a.send(Map.of("cmd", "say", "text", "during"));
                assertEquals("during", Deliveries.next(a, ROOM, "text").get("text"), "local clients are served");
                assertEquals(200, TestCluster.health(other).statusCode(), "the other node is fine");
                // Long enough for the other node to declare the cut one down and end its sessions' presence.
                assertEquals("cut", Deliveries.next(b, DIRECT, "nodeDown").get("nodeDown"));
                Deliveries.next(b, DIRECT, "event"); // a's session left, once the grace period had passed

                proxy.restore();
                TestCluster.await("the cut node's health is up again", WAIT,
                        () -> TestCluster.health(cut).statusCode() == 200);
                // Delivery resumes both ways; a message sent during the outage may or may not have crossed.
                TestCluster.await("a's messages reach b again", WAIT, () -> {
                    a.send(Map.of("cmd", "say", "text", "after"));
                    return Deliveries.find(b, Duration.ofSeconds(2), d -> d.data() instanceof Map<?, ?> m
                            && "after".equals(m.get("text"))).isPresent();
                });
                // The cut node registered its connections again: a's session is present once more.
                TestCluster.await("a's session is present again", WAIT, () -> {
                    b.send(Map.of("cmd", "presence"));
                    return ((Number) Deliveries.next(b, DIRECT, "present").get("present")).intValue() == 2;
                });
                b.send(Map.of("cmd", "say", "text", "back"));
                assertTrue(Deliveries.find(a, WAIT, d -> d.data() instanceof Map<?, ?> m
                        && "back".equals(m.get("text"))).isPresent(), "b's messages reach a again");
            }
        }
    }

    @Test
    void aNodeBackFromAShortOutageCatchesUpBothWays() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(new InetSocketAddress("127.0.0.1", 6379));
             TestCluster cluster = new TestCluster(ClusterProbeApplication.ID, true).nodeTimeout("60s")) {
            ThywillTestServer cut = cluster.start("cut", "redis://127.0.0.1:" + proxy.port());
            ThywillTestServer other = cluster.start("other");
            try (TestClient a = TestClient.connect(cut, ClusterProbeApplication.ID, Transport.WEBSOCKET);
                 TestClient b = TestClient.connect(other, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
                joinRoom(a, b);
                b.send(Map.of("cmd", "say", "text", "before"));
                assertEquals("before", Deliveries.next(a, ROOM, "text").get("text"));
                assertEquals("before", Deliveries.next(b, ROOM, "text").get("text"));

                proxy.cut();
                TestCluster.await("the cut node's health says degraded", WAIT,
                        () -> TestCluster.health(cut).statusCode() == 503);
                for (int i = 0; i < 3; i++) {
                    b.send(Map.of("cmd", "say", "text", "missed" + i));
                    assertEquals("missed" + i, Deliveries.next(b, ROOM, "text").get("text"));
                    a.send(Map.of("cmd", "say", "text", "waited" + i));
                    assertEquals("waited" + i, Deliveries.next(a, ROOM, "text").get("text"), "served locally");
                }
                proxy.restore();
                for (int i = 0; i < 3; i++) {
                    assertEquals("missed" + i, Deliveries.next(a, ROOM, "text").get("text"),
                            "what was said while the node could not hear the bus, in order");
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals("waited" + i, Deliveries.next(b, ROOM, "text").get("text"),
                            "what the node said while it could not reach Redis, in order");
                }
                b.send(Map.of("cmd", "say", "text", "after"));
                for (TestClient client : new TestClient[] {a, b}) {
                    assertEquals("after", Deliveries.next(client, ROOM, "text").get("text"), "and nothing twice");
                    assertTrue(Deliveries.find(client, Duration.ofSeconds(1), d -> d.data() instanceof Map<?, ?> m
                            && m.containsKey("text")).isEmpty(), "nothing more");
                }
            }
        }
    }

    private static void joinRoom(TestClient... clients) {
        for (TestClient client : clients) {
            Deliveries.join(client);
        }
    }
}
