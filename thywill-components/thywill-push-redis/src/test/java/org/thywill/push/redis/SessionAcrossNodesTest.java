package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** One browser with tabs connected to two nodes: a message to its session reaches each tab once. */
class SessionAcrossNodesTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;

    @AutoClose
    private static TestCluster cluster;
    private static ThywillTestServer n1;
    private static ThywillTestServer n2;
    private static ThywillTestServer n3;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(ClusterProbeApplication.ID, true);
        n1 = cluster.start("n1");
        n2 = cluster.start("n2");
        n3 = cluster.start("n3");
    }

    @Test
    void aMessageToASessionReachesItsConnectionsOnTwoNodesOnceEach() {
        try (TestClient tab1 = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
             TestClient tab2 = TestClient.connect(n2.uri(), ClusterProbeApplication.ID, Transport.LONG_POLLING,
                     tab1.sessionCookie());
             TestClient stranger = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            tab1.send(Map.of("cmd", "toMySession", "text", "from tab 1"));
            tab2.send(Map.of("cmd", "toMySession", "text", "from tab 2"));
            for (TestClient tab : new TestClient[] {tab1, tab2}) {
                // Two senders on two nodes: nothing orders one's send before the other's, so either may come first.
                assertEquals(Set.of("from tab 1", "from tab 2"), Set.of(
                        Deliveries.next(tab, DIRECT, "text").get("text"),
                        Deliveries.next(tab, DIRECT, "text").get("text")));
                assertTrue(Deliveries.find(tab, Duration.ofMillis(500), d -> d.data() instanceof Map<?, ?> m
                        && m.containsKey("text")).isEmpty(), "no message arrives twice");
            }
            assertTrue(Deliveries.find(stranger, Duration.ofMillis(500), d -> d.data() instanceof Map<?, ?> m
                    && m.containsKey("text")).isEmpty(), "another session receives nothing");
        }
    }

    @Test
    void presenceCountsTheConnectionsOfEveryNode() {
        try (TestClient tab1 = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
             TestClient tab2 = TestClient.connect(n2.uri(), ClusterProbeApplication.ID, Transport.WEBSOCKET,
                     tab1.sessionCookie());
             TestClient other = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            Deliveries.join(tab1);
            Deliveries.join(other);
            other.send(Map.of("cmd", "say", "text", "hello"));
            // tab2 joined through tab1 (membership is the session's), on another node.
            assertEquals("hello", Deliveries.next(tab2, "/thywill/cluster/channel/room", "text").get("text"));
            other.send(Map.of("cmd", "presence"));
            assertEquals(2L, ((Number) Deliveries.next(other, DIRECT, "present").get("present")).longValue());
        }
    }
}
