package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thywill.server.presence.Channels.join;
import static org.thywill.server.presence.Channels.joinSeen;
import static org.thywill.server.presence.Channels.leave;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Presence as an application sees it: a session joins when its first connection arrives and leaves when its last
 * one has been gone for the grace period, so a reload is no leave. Each test uses channels of its own.
 */
class PresenceTest {

    private static final String ID = PresenceProbeApplication.ID;
    // Longer than the 5 s default: shorter makes the within-grace tests race a loaded machine's reconnection.
    private static final Duration GRACE = Duration.ofSeconds(8);
    /** How much earlier than the grace period a leave may be seen: timers and the network are not exact. */
    private static final Duration SLACK = Duration.ofMillis(300);

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications(ID).set("push", "presenceGrace", GRACE.toSeconds() + "s").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSessionJoinsOnceHoweverManyTabsItOpens(Transport transport) {
        String channel = "tabs-" + transport.ordinal();
        try (Watcher watcher = Watcher.watch(server.uri(), transport);
             TestClient first = TestClient.connect(server, ID, transport)) {
            String who = Watcher.who(first.sessionCookie());
            assertEquals(List.of(), watcher.presence(channel));

            join(first, channel);
            watcher.await("joined", channel, who);
            assertEquals(List.of(Map.of("who", who, "connections", 1L)), watcher.presence(channel));

            try (TestClient second = TestClient.connect(server.uri(), ID, transport, first.sessionCookie())) {
                watcher.await("connected", null, who, 2);
                assertEquals(List.of(Map.of("who", who, "connections", 2L)), watcher.presence(channel));
                join(second, channel);
                watcher.listenFor(Channels.QUIET);
                assertEquals(1, watcher.count("joined", channel, who), () -> "one join: " + watcher.events());
            }
        }
    }

    @Test
    void aMemberJoinsWhenItsFirstConnectionArrives() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET)) {
            TestClient before = TestClient.connect(server, ID, Transport.WEBSOCKET);
            HttpCookie session = before.sessionCookie();
            String who = Watcher.who(session);
            join(before, "arrivals");
            before.disconnect();
            watcher.await("left", "arrivals", who);

            try (TestClient after = TestClient.connect(server.uri(), ID, Transport.WEBSOCKET, session)) {
                watcher.await("joined", "arrivals", who, 2); // on arrival, without asking
                watcher.listenFor(Channels.QUIET);
                assertEquals(2, watcher.count("joined", "arrivals", who), () -> "no more: " + watcher.events());
                assertEquals(List.of(Map.of("who", who, "connections", 1L)), watcher.presence("arrivals"));
                assertTrue(after.isConnected());
            }
            before.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReloadWithinTheGraceIsNoLeave(Transport transport) {
        String channel = "reload-" + transport.ordinal();
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET)) {
            TestClient page = TestClient.connect(server, ID, transport);
            HttpCookie session = page.sessionCookie();
            String who = joinSeen(watcher, page, channel);

            // A reload: the old page says goodbye without waiting for the answer, the new one connects at once.
            java.util.concurrent.CompletableFuture<Void> goodbye =
                    java.util.concurrent.CompletableFuture.runAsync(page::disconnect);
            try (TestClient reloaded = TestClient.connect(server.uri(), ID, transport, session)) {
                goodbye.join();
                watcher.await("disconnected", null, who);
                assertStaysThroughTheGrace(watcher, channel, who, reloaded);
                assertEquals(1, watcher.count("joined", channel, who), () -> "no second join: " + watcher.events());
            }
            page.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConnectionCutAndBackWithinTheGraceIsNoLeave(Transport transport) {
        String channel = "cut-" + transport.ordinal();
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET)) {
            TestClient cut = TestClient.connect(server, ID, transport);
            HttpCookie session = cut.sessionCookie();
            String who = joinSeen(watcher, cut, channel);

            cut.drop();
            watcher.await("disconnected", null, who); // the server noticed: the grace period runs from here
            try (TestClient back = TestClient.connect(server.uri(), ID, transport, session)) {
                assertStaysThroughTheGrace(watcher, channel, who, back);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSessionGoneLongerThanTheGraceLeavesEachChannelOnce(Transport transport) {
        String one = "gone-one-" + transport.ordinal();
        String two = "gone-two-" + transport.ordinal();
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET)) {
            TestClient first = TestClient.connect(server, ID, transport);
            TestClient second = TestClient.connect(server.uri(), ID, transport, first.sessionCookie());
            String who = Watcher.who(first.sessionCookie());
            join(first, one);
            join(second, two);

            first.disconnect();
            second.disconnect();
            long lastGone = watcher.await("disconnected", null, who, 2).nanos();
            for (String channel : List.of(one, two)) {
                Duration after = Duration.ofNanos(watcher.await("left", channel, who).nanos() - lastGone);
                assertTrue(after.compareTo(GRACE.minus(SLACK)) >= 0, "left " + after.toMillis()
                        + " ms after the last connection ended, before the grace of " + GRACE.toMillis() + " ms");
            }
            watcher.listenFor(GRACE.plusSeconds(1));
            assertEquals(1, watcher.count("left", one, who), () -> "one leave: " + watcher.events());
            assertEquals(1, watcher.count("left", two, who), () -> "one leave: " + watcher.events());
            assertEquals(List.of(), watcher.presence(one));
            first.close();
            second.close();
        }
    }

    @Test
    void leavingTheChannelIsALeaveAtOnceAndOnlyOnce() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET)) {
            TestClient member = TestClient.connect(server, ID, Transport.WEBSOCKET);
            String who = joinSeen(watcher, member, "quit");

            long asked = System.nanoTime();
            leave(member, "quit");
            Duration after = Duration.ofNanos(watcher.await("left", "quit", who).nanos() - asked);
            assertTrue(after.compareTo(GRACE) < 0, "no grace for leaving a channel: " + after.toMillis() + " ms");
            assertEquals(List.of(), watcher.presence("quit"));

            member.disconnect();
            watcher.listenFor(GRACE.plusSeconds(1));
            assertEquals(1, watcher.count("left", "quit", who), () -> "one leave: " + watcher.events());
            member.close();
        }
    }

    @Test
    void presenceListsOnlyMembersThatAreConnected() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET);
             TestClient member = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient bystander = TestClient.connect(server, ID, Transport.WEBSOCKET)) {
            String who = joinSeen(watcher, member, "list");
            assertTrue(bystander.isConnected());
            assertEquals(List.of(Map.of("who", who, "connections", 1L)), watcher.presence("list"),
                    "the bystander is connected but no member");
            assertEquals(List.of(who), watcher.members("list"));
        }
    }

    /** Watches past the grace period: the session never left the channel, and is present by the one client. */
    private static void assertStaysThroughTheGrace(Watcher watcher, String channel, String who, TestClient client) {
        watcher.listenFor(GRACE.plusSeconds(1));
        assertEquals(0, watcher.count("left", channel, who), () -> "no leave: " + watcher.events());
        assertEquals(List.of(Map.of("who", who, "connections", 1L)), watcher.presence(channel));
        assertTrue(client.isConnected());
    }
}
