package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A message sent with a receipt to a session or a connection on another node: the receipt completes when the
 * page there acknowledges it, even if the session's node died before the message reached it, and fails with
 * {@code NODE_LOST} when no node has the target.
 */
class ReceiptsAcrossNodesTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;

    private TestCluster cluster;
    private ThywillTestServer n1;
    private ThywillTestServer n2;

    @BeforeEach
    void start() {
        cluster = new TestCluster(ClusterProbeApplication.ID, true, "30s");
        n1 = cluster.start("n1");
        n2 = cluster.start("n2");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void receiptsForASessionAndAConnectionOnAnotherNodeCompleteWhenThePageAcknowledges() {
        try (TestClient target = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
             TestClient sender = TestClient.connect(n2, ClusterProbeApplication.ID, Transport.LONG_POLLING)) {
            Map<?, ?> who = whoami(target);
            sender.send(Map.of("cmd", "toSessionReceipted", "session", who.get("session"), "text", "to-session"));
            assertEquals("to-session", Deliveries.next(target, DIRECT, "text").get("text"));
            assertTrue(((Number) Deliveries.next(sender, DIRECT, "receipt").get("receipt")).longValue() > 0,
                    "the session's receipt carries the message's seq");

            sender.send(Map.of("cmd", "toConnectionReceipted", "connection", who.get("connection"),
                    "text", "to-connection"));
            assertEquals("to-connection", Deliveries.next(target, DIRECT, "text").get("text"));
            assertTrue(((Number) Deliveries.next(sender, DIRECT, "receipt").get("receipt")).longValue() > 0,
                    "the connection's receipt carries its receipt number");
        }
    }

    @Test
    void aReceiptForAConnectionNoNodeHasFailsWithNodeLost() {
        try (TestClient sender = TestClient.connect(n2, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            sender.send(Map.of("cmd", "toConnectionReceipted", "connection", "no-such-connection", "text", "lost"));
            assertEquals("NODE_LOST", Deliveries.next(sender, DIRECT, "receiptFailed").get("receiptFailed"));
        }
    }

    @Test
    void aReceiptForASessionWhoseNodeDiedCompletesOnceThePageIsBackElsewhere() {
        ThywillTestServer n3 = cluster.start("n3");
        TestClient target = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
        try (TestClient sender = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            String session = (String) whoami(target).get("session");
            cluster.kill(n1);
            target.drop();
            // Published to n1, which no longer listens: replayed to the session once n1 is declared down.
            sender.send(Map.of("cmd", "toSessionReceipted", "session", session, "text", "while-dying"));
            try (TestClient back = target.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                assertEquals("while-dying", Deliveries.next(back, DIRECT, "text").get("text"));
                assertTrue(((Number) Deliveries.next(sender, DIRECT, "receipt").get("receipt")).longValue() > 0,
                        "acknowledged on the node the page moved to");
            }
        }
    }

    private static Map<?, ?> whoami(TestClient client) {
        client.send(Map.of("cmd", "whoami"));
        return Deliveries.next(client, DIRECT, "session");
    }
}
