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
import org.thywill.testing.TestClient.Delivery;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Messages for a session without a connection wait in its inbox, whichever node it comes back to: a reloading page
 * misses no channel message sent from another node, on the same node or on another one, and a page returning to a
 * node it left earlier gets what another node kept for it meanwhile.
 */
class InboxAcrossNodesTest {

    private static final String DIRECT = "/thywill/" + ClusterProbeApplication.ID;
    private static final Duration QUIET = Duration.ofMillis(700);

    @AutoClose
    private static TestCluster cluster;
    private static ThywillTestServer n1;
    private static ThywillTestServer n2;
    private static ThywillTestServer n3;

    @BeforeAll
    static void start() {
        // A grace long enough that a loaded machine's reload is always within it.
        cluster = new TestCluster(ClusterProbeApplication.ID, true, "30s");
        n1 = cluster.start("n1");
        n2 = cluster.start("n2");
        n3 = cluster.start("n3");
    }

    @Test
    void aPageReloadingOnItsNodeGetsWhatAnotherNodeSaidToTheChannelMeanwhileOnceAndNumbered() {
        try (TestClient speaker = TestClient.connect(n2, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            TestClient page = joined(TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET), "same");
            page.disconnect(); // the page unloads politely; its session stays present within the grace
            say(speaker, "same", "same-", 3);
            try (TestClient reloaded = page.reconnect(Transport.LONG_POLLING)) {
                List<Delivery> got = room(reloaded, "same", 3);
                for (Delivery d : got) {
                    assertEquals("same", d.envelope().get("channel"));
                    assertTrue(d.envelope().get("seq") instanceof Number, "numbered: " + d.envelope());
                }
                assertEquals(List.of("same-0", "same-1", "same-2"), texts(got), "every message once, in order");
                assertTrue(reloaded.next(QUIET).isEmpty(), "nothing after the last one");
            }
            page.close();
        }
    }

    @Test
    void aPageReloadingOntoAnotherNodeGetsWhatTheChannelSaidMeanwhile() {
        try (TestClient speaker = TestClient.connect(n3, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
            TestClient page = joined(TestClient.connect(n1, ClusterProbeApplication.ID, Transport.WEBSOCKET), "move");
            page.disconnect();
            say(speaker, "move", "moved-", 3);
            // n1 keeps them for the page, and writes them behind the sends: the page's new node reads them there.
            cluster.awaitStored("moved-2");
            try (TestClient moved = page.reconnect(n2.uri(), Transport.WEBSOCKET)) {
                assertEquals(List.of("moved-0", "moved-1", "moved-2"), texts(room(moved, "move", 3)));
                say(speaker, "move", "after-", 2);
                assertEquals(List.of("after-0", "after-1"), texts(room(moved, "move", 2)),
                        "its membership holds on the new node");
                assertTrue(moved.next(QUIET).isEmpty(), "nothing twice");
            }
            page.close();
        }
    }

    @Test
    void aPageReturningToANodeItLeftGetsWhatAnotherNodeKeptForItAndNothingItHad() {
        try (TestCluster shortGrace = new TestCluster(ClusterProbeApplication.ID, true, "1s")) {
            ThywillTestServer a = shortGrace.start("a");
            ThywillTestServer b = shortGrace.start("b");
            try (TestClient speaker = TestClient.connect(a, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
                TestClient page = TestClient.connect(b, ClusterProbeApplication.ID, Transport.WEBSOCKET);
                String session = Deliveries.session(page);
                speaker.send(Map.of("cmd", "toSession", "session", session, "text", "first"));
                assertEquals("first", Deliveries.next(page, DIRECT, "text").get("text")); // b now holds an inbox
                page.disconnect();
                TestClient elsewhere = page.reconnect(a.uri(), Transport.WEBSOCKET);
                elsewhere.disconnect();
                // Gone from every node: a message to it waits in the inbox of the node that sends it.
                shortGrace.awaitAbsent(session);
                speaker.send(Map.of("cmd", "toSession", "session", session, "text", "kept-0"));
                speaker.send(Map.of("cmd", "toSession", "session", session, "text", "kept-1"));
                shortGrace.awaitStored("kept-1");
                try (TestClient back = elsewhere.reconnect(b.uri(), Transport.LONG_POLLING)) {
                    assertEquals("kept-0", Deliveries.next(back, DIRECT, "text").get("text"));
                    assertEquals("kept-1", Deliveries.next(back, DIRECT, "text").get("text"));
                    assertTrue(Deliveries.find(back, QUIET, d -> d.data() instanceof Map<?, ?> m
                            && m.containsKey("text")).isEmpty(), "nothing it had handled comes again");
                }
                page.close();
                elsewhere.close();
            }
        }
    }

    private static TestClient joined(TestClient client, String room) {
        client.send(Map.of("cmd", "join", "room", room));
        Deliveries.next(client, DIRECT, "joined");
        return client;
    }

    private static void say(TestClient speaker, String room, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            speaker.send(Map.of("cmd", "say", "room", room, "text", prefix + i));
        }
    }

    /** The next {@code count} messages on an application channel, others skipped. */
    private static List<Delivery> room(TestClient client, String room, int count) {
        String channel = "/thywill/" + ClusterProbeApplication.ID + "/channel/" + room;
        List<Delivery> got = new ArrayList<>();
        while (got.size() < count) {
            Delivery d = client.next(Deliveries.WAIT).orElseThrow(() -> new AssertionError("Only " + got.size()
                    + " of " + count + " messages on " + room + " within " + Deliveries.WAIT.toSeconds() + "s"));
            if (channel.equals(d.channel())) {
                got.add(d);
            }
        }
        return got;
    }

    private static List<Object> texts(List<Delivery> deliveries) {
        return deliveries.stream().<Object>map(d -> ((Map<?, ?>) d.data()).get("text")).toList();
    }
}
