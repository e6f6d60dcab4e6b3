package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A chat room on three nodes: people connected to different nodes talk in one channel. (It ran the chat
 * application; the cluster probe's join and say do the same through the public protocol, without this component's
 * tests depending on an application.)
 */
class RoomAcrossNodesTest {

    private static final String ROOM = "/thywill/" + ClusterProbeApplication.ID + "/channel/"
            + ClusterProbeApplication.ROOM;

    @AutoClose
    private static TestCluster cluster;
    private static final List<ThywillTestServer> NODES = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = new TestCluster(ClusterProbeApplication.ID, false);
        for (String id : List.of("n1", "n2", "n3")) {
            NODES.add(cluster.start(id));
        }
    }

    @Test
    void messagesReachEveryoneInTheRoomOnEveryNodeOnceAndInOrder() {
        try (TestClient a = TestClient.connect(NODES.get(0), ClusterProbeApplication.ID, Transport.WEBSOCKET);
             TestClient b = TestClient.connect(NODES.get(1), ClusterProbeApplication.ID, Transport.LONG_POLLING);
             TestClient c = TestClient.connect(NODES.get(2), ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            for (TestClient member : List.of(a, b, c)) {
                Deliveries.join(member);
            }
            int count = 30;
            for (int i = 0; i < count; i++) {
                assertTrue(a.send(Map.of("cmd", "say", "text", "a" + i)).isSuccessful());
            }
            c.send(Map.of("cmd", "say", "text", "from c"));
            for (TestClient reader : List.of(a, b, c)) {
                List<Object> fromA = new ArrayList<>();
                boolean fromC = false;
                while (fromA.size() < count || !fromC) {
                    Object text = Deliveries.next(reader, ROOM, "text").get("text");
                    if ("from c".equals(text)) {
                        fromC = true;
                    } else {
                        fromA.add(text);
                    }
                }
                List<Object> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add("a" + i);
                }
                assertEquals(expected, fromA, "a's messages once each, in the order sent");
                // Anything after: a duplicate would show here.
                assertTrue(Deliveries.find(reader, Duration.ofMillis(500), d -> ROOM.equals(d.channel())
                        && d.data() instanceof Map<?, ?> m && m.containsKey("text")).isEmpty(),
                        "no message arrives twice");
            }
        }
    }
}
