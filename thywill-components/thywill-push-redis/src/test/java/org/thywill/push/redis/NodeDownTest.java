package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A node dies: the others are told, with its sessions, and its clients carry on through another node, with the
 * messages sent to them while the node was dying and once it was declared down.
 */
class NodeDownTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;
    private static final String ROOM = "/thywill/cluster/channel/room";

    private TestCluster cluster;

    @BeforeEach
    void start() {
        // A grace long enough that a loaded machine's reconnection is always within it.
        cluster = new TestCluster(ClusterProbeApplication.ID, true, "30s");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theOthersAreToldAndMovedClientsKeepTheirMembershipAndWhatWasSentMeanwhile() {
        ThywillTestServer n1 = cluster.start("n1");
        ThywillTestServer n2 = cluster.start("n2");
        ThywillTestServer n3 = cluster.start("n3");
        TestClient moving = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
        try (TestClient watcher2 = TestClient.connect(n2, ClusterProbeApplication.ID, Transport.WEBSOCKET);
             TestClient watcher3 = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.LONG_POLLING)) {
            Deliveries.join(moving);
            Deliveries.watch(watcher2);
            Deliveries.watch(watcher3);

            cluster.kill(n1);
            moving.drop();

            for (TestClient watcher : new TestClient[] {watcher2, watcher3}) {
                Map<?, ?> down = Deliveries.next(watcher, DIRECT, "nodeDown");
                assertEquals("n1", down.get("nodeDown"));
                assertEquals(1L, ((Number) down.get("sessions")).longValue());
            }

            // Said while the client has no node: the node that declared n1 down keeps it for the session.
            for (int i = 0; i < 3; i++) {
                watcher3.send(Map.of("cmd", "say", "text", "gap" + i));
            }
            cluster.awaitStored("gap2");
            // The browser's library retries the balancer's address and lands on another node; it does not join
            // again: its session is still a member.
            try (TestClient moved = moving.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                for (int i = 0; i < 3; i++) {
                    assertEquals("gap" + i, Deliveries.next(moved, ROOM, "text").get("text"));
                }
                int count = 20;
                for (int i = 0; i < count; i++) {
                    watcher3.send(Map.of("cmd", "say", "text", "m" + i));
                }
                for (int i = 0; i < count; i++) {
                    assertEquals("m" + i, Deliveries.next(moved, ROOM, "text").get("text"));
                }
            }
        }
    }

    @Test
    void whatWasSentToADeadNodesSessionsBeforeItWasDeclaredDownIsNotLost() {
        ThywillTestServer n1 = cluster.start("n1");
        ThywillTestServer n2 = cluster.start("n2");
        ThywillTestServer n3 = cluster.start("n3");
        TestClient early = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
        TestClient late = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.LONG_POLLING);
        TestClient reloading = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
        try (TestClient speaker = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            for (TestClient member : new TestClient[] {early, late, reloading}) {
                Deliveries.join(member);
            }
            Deliveries.watch(speaker);
            String earlySession = Deliveries.session(early);
            String lateSession = Deliveries.session(late);
            String reloadingSession = Deliveries.session(reloading);
            // A page unloading as n1 dies: its session lingers on n1, which keeps its messages until it comes back.
            reloading.disconnect();

            cluster.kill(n1);
            early.drop();
            late.drop();
            // Sent while n1 is dead but not yet declared down: published to a node that no longer listens.
            for (int i = 0; i < 3; i++) {
                speaker.send(Map.of("cmd", "say", "text", "dying" + i));
            }
            speaker.send(Map.of("cmd", "toSession", "session", earlySession, "text", "direct"));
            // One page is back before n1 is declared down (2 s), the other after.
            try (TestClient back = early.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                speaker.send(Map.of("cmd", "say", "text", "back"));
                assertEquals("n1", Deliveries.next(speaker, DIRECT, "nodeDown").get("nodeDown"));
                assertEquals(List.of("back", "direct", "dying0", "dying1", "dying2"),
                        texts(back, 5).stream().sorted().toList(), "everything, once, on the node it moved to");
                // The node that declared n1 down keeps them for the page, written behind to the shared database,
                // where n3 finds them if n3 is not that node.
                cluster.awaitStored(lateSession, "back");
                try (TestClient after = late.reconnect(n3.uri(), Transport.LONG_POLLING)) {
                    assertEquals(List.of("dying0", "dying1", "dying2", "back"), texts(after, 4),
                            "everything, once and in order, on the node it moved to after the declaration");
                    assertTrue(texts(after, Duration.ofSeconds(1)).isEmpty(), "nothing twice");
                }
                cluster.awaitStored(reloadingSession, "back");
                try (TestClient reloaded = reloading.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                    assertEquals(List.of("dying0", "dying1", "dying2", "back"), texts(reloaded, 4),
                            "a page that was reloading as its node died gets everything, once and in order");
                }
                assertTrue(texts(back, Duration.ofSeconds(1)).isEmpty(), "nothing twice");
            }
        }
    }

    @Test
    void aMessageTheDeadNodeDeliveredAndAnotherReplaysUnderANewSeqIsHandledOnce() {
        ThywillTestServer n1 = cluster.start("n1");
        ThywillTestServer n2 = cluster.start("n2");
        TestClient page = TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET);
        try (TestClient speaker = TestClient.connect(n2, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            Deliveries.watch(speaker);
            String session = Deliveries.session(page);
            speaker.send(Map.of("cmd", "toSession", "session", session, "text", "once"));
            assertEquals(List.of("once"), texts(page, 1));
            long seqOnN1 = page.handledSeq(ClusterProbeApplication.ID);

            // n1 dies having delivered "once" but, as in its last 200 ms, before recording that it had.
            cluster.kill(n1);
            page.drop();
            cluster.forgetPosition("n1");
            try (TestClient moved = page.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                assertEquals("n1", Deliveries.next(speaker, DIRECT, "nodeDown").get("nodeDown"));
                speaker.send(Map.of("cmd", "toSession", "session", session, "text", "after"));
                assertEquals(List.of("after"), texts(moved, 1), "the replayed copy of 'once' is not handled again");
                assertTrue(moved.duplicatesDropped() >= 1, "n2 replayed 'once' (under a new seq), and the page"
                        + " knew it by its id");
                assertTrue(moved.handledSeq(ClusterProbeApplication.ID) > seqOnN1);
            }
        }
    }

    private static List<String> texts(TestClient client, int count) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < count) {
            texts.add(String.valueOf(Deliveries.find(client, Deliveries.WAIT, d -> d.data() instanceof Map<?, ?> m
                    && m.containsKey("text")).orElseThrow(() -> new AssertionError("Only " + texts
                    + " arrived within " + Deliveries.WAIT.toSeconds() + "s")).get("text")));
        }
        return texts;
    }

    private static List<String> texts(TestClient client, Duration quiet) {
        List<String> texts = new ArrayList<>();
        Deliveries.find(client, quiet, d -> d.data() instanceof Map<?, ?> m && m.containsKey("text"))
                .ifPresent(data -> texts.add(String.valueOf(data.get("text"))));
        return texts;
    }
}
