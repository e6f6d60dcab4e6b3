package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Delivery;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A channel's messages reach a member whose connection was cut, or whose page reloads, within the presence grace:
 * they go through the session's inbox, numbered in the same sequence as messages to the session.
 */
class ChannelDeliveryTest {

    private static final String ID = PresenceProbeApplication.ID;
    private static final String ROOM = "/thywill/" + ID + "/channel/room";
    private static final Duration QUIET = Duration.ofMillis(700);
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        // Long enough that a loaded machine's reconnection is always within it.
        server = ThywillTestServer.withApplications(ID).set("push", "presenceGrace", "30s").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMemberWhoseSocketIsCutMissesNoChannelMessageAndSeesNoneTwice(Transport transport) {
        try (TestClient speaker = joined(TestClient.connect(server, ID, transport))) {
            TestClient listener = joined(TestClient.connect(server, ID, transport));
            say(speaker, 0, 5);
            List<Object> heard = new ArrayList<>(room(listener, 5));
            listener.drop();
            say(speaker, 5, 10);
            try (TestClient again = listener.reconnect(transport)) {
                heard.addAll(room(again, 5));
                assertEquals(numbers(0, 10), heard, "every message once, in order");
                assertTrue(again.next(QUIET).isEmpty(), "nothing after the last one");
                assertEquals(0, again.duplicatesDropped() + listener.duplicatesDropped(),
                        "a replay starts after the last handled message");
            }
            assertEquals(numbers(0, 10), room(speaker, 10));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReloadingPageGetsWhatTheChannelSaidMeanwhile(Transport transport) {
        try (TestClient speaker = joined(TestClient.connect(server, ID, transport))) {
            TestClient page = joined(TestClient.connect(server, ID, transport));
            page.disconnect(); // the page unloads politely; its session stays present within the grace
            say(speaker, 0, 3);
            try (TestClient reloaded = page.reconnect(transport)) {
                List<Delivery> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(reloaded.next());
                }
                for (Delivery d : got) {
                    assertEquals(ROOM, d.channel(), "a channel's message arrives on the channel's Bayeux channel");
                    assertEquals("room", d.envelope().get("channel"));
                    assertTrue(d.envelope().get("seq") instanceof Number, "and is numbered: " + d.envelope());
                }
                assertEquals(numbers(0, 3), got.stream().map(Delivery::data).toList());
            }
            page.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aVolatileSendReachesLiveMembersOnceUnnumberedAndIsNotKeptForAReloadingPage(Transport transport) {
        try (TestClient speaker = joined(TestClient.connect(server, ID, transport));
             TestClient listener = joined(TestClient.connect(server, ID, transport))) {
            TestClient page = joined(TestClient.connect(server, ID, transport));
            page.disconnect(); // present within the grace, with no connection
            speaker.send(Map.of("cmd", "toChannelVolatile", "channel", "room", "data", "tick"));
            for (TestClient live : List.of(speaker, listener)) {
                Delivery d = live.next();
                assertEquals(ROOM, d.channel());
                assertEquals("tick", d.data());
                assertNull(d.envelope().get("seq"), "not numbered: " + d.envelope());
            }
            say(speaker, 0, 1); // a kept one, to show the reloaded page is replayed to at all
            try (TestClient reloaded = page.reconnect(transport)) {
                assertEquals(List.of(0L), room(reloaded, 1), "only the kept message, not the volatile one");
                assertTrue(reloaded.next(QUIET).isEmpty());
            }
            page.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void plainCometdClientsGetChannelMessagesOnceAndUnnumbered(Transport transport) {
        try (TestClient plain = joined(TestClient.connectPlain(server, ID, transport));
             TestClient speaker = joined(TestClient.connect(server, ID, transport))) {
            say(speaker, 0, 2);
            Delivery first = plain.next();
            assertEquals(ROOM, first.channel());
            assertEquals(0L, first.data());
            assertNull(first.envelope().get("seq"), "a plain client never acknowledges, so nothing is numbered");
            assertEquals(1L, plain.next().data());
            assertTrue(plain.next(QUIET).isEmpty());
        }
    }

    private static TestClient joined(TestClient client) {
        client.send(Map.of("cmd", "join", "channel", "room"));
        assertEquals("joined", client.nextMessage());
        return client;
    }

    private static void say(TestClient speaker, int from, int to) {
        for (int i = from; i < to; i++) {
            speaker.send(Map.of("cmd", "toChannel", "channel", "room", "data", i));
        }
    }

    /** Takes the next {@code count} messages on the room, failing if one takes more than 10 s. */
    private static List<Object> room(TestClient client, int count) {
        List<Object> data = new ArrayList<>();
        List<Delivery> others = new ArrayList<>();
        while (data.size() < count) {
            Delivery d = client.next(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError(
                    "No message within 10 s after " + data + " on the room and " + others + " elsewhere"));
            if (ROOM.equals(d.channel())) {
                data.add(d.data());
            } else {
                others.add(d);
            }
        }
        return data;
    }

    private static List<Object> numbers(int from, int to) {
        List<Object> all = new ArrayList<>();
        for (long i = from; i < to; i++) {
            all.add(i);
        }
        return all;
    }
}
