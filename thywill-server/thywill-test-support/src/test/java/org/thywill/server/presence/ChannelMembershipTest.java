package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thywill.server.presence.Channels.assertNothing;
import static org.thywill.server.presence.Channels.assertReceives;
import static org.thywill.server.presence.Channels.join;
import static org.thywill.server.presence.Channels.joinSession;
import static org.thywill.server.presence.Channels.leave;
import static org.thywill.server.presence.Channels.leaveSession;
import static org.thywill.server.presence.Channels.send;

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
 * Channel membership belongs to a session: every connection of a member session receives the channel, also ones
 * that arrive later and never asked to join. No grace period here, so a session whose last connection ended is
 * forgotten by the Push at once and must be read back from the Database.
 */
class ChannelMembershipTest {

    private static final String ID = PresenceProbeApplication.ID;
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications(ID).set("push", "presenceGrace", "0s").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReconnectionAfterTheNetworkWasCutReceivesTheChannelWithoutJoining(Transport transport) {
        try (TestClient sender = TestClient.connect(server, ID, transport)) {
            TestClient cut = TestClient.connect(server, ID, transport);
            HttpCookie session = cut.sessionCookie();
            join(cut, "cut");
            cut.drop();

            try (TestClient back = TestClient.connect(server.uri(), ID, transport, session)) {
                send(sender, "cut", "after the cut");
                assertReceives(back, "cut", "after the cut");
                assertNothing(sender, "the sender is no member");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSecondTabOfAMemberSessionReceivesTheChannel(Transport transport) {
        try (TestClient sender = TestClient.connect(server, ID, transport);
             TestClient first = TestClient.connect(server, ID, transport)) {
            join(first, "tabs");
            try (TestClient second = TestClient.connect(server.uri(), ID, transport, first.sessionCookie())) {
                send(sender, "tabs", "to every tab");
                assertReceives(first, "tabs", "to every tab");
                assertReceives(second, "tabs", "to every tab");
                assertNothing(sender, "the sender is no member");
            }
        }
    }

    @Test
    void aSessionThatWasGoneEntirelyIsStillAMemberWhenItComesBack() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET);
             TestClient sender = TestClient.connect(server, ID, Transport.WEBSOCKET)) {
            TestClient gone = TestClient.connect(server, ID, Transport.LONG_POLLING);
            HttpCookie session = gone.sessionCookie();
            String who = Watcher.who(session);
            join(gone, "return");
            gone.disconnect();
            watcher.await("left", "return", who); // forgotten by the Push: what follows comes from the Database

            try (TestClient back = TestClient.connect(server.uri(), ID, Transport.LONG_POLLING, session)) {
                watcher.await("joined", "return", who);
                send(sender, "return", "welcome back");
                assertReceives(back, "return", "welcome back");
                assertEquals(List.of(who), watcher.members("return"));
            }
            gone.close();
        }
    }

    @Test
    void leavingEndsTheMembershipOfEveryTabNowAndLater() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET);
             TestClient sender = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient first = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient second = TestClient.connect(server.uri(), ID, Transport.LONG_POLLING, first.sessionCookie())) {
            join(first, "leaving");
            leave(second, "leaving");

            send(sender, "leaving", "anyone?");
            assertNothing(first, "the session left, with every tab");
            assertNothing(second, "the session left, with every tab");
            try (TestClient third = TestClient.connect(server.uri(), ID, Transport.WEBSOCKET, first.sessionCookie())) {
                send(sender, "leaving", "anyone now?");
                assertNothing(third, "a later tab of a session that left is no member either");
            }
            assertEquals(List.of(), watcher.members("leaving"));
        }
    }

    @Test
    void membersOfOneChannelDoNotReceiveAnother() {
        try (TestClient sender = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient here = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient there = TestClient.connect(server, ID, Transport.WEBSOCKET)) {
            join(here, "here");
            join(there, "there");
            send(sender, "here", "for here");
            assertReceives(here, "here", "for here");
            assertNothing(there, "a member of another channel");
        }
    }

    @Test
    void anApplicationJoinsASessionThatIsNotConnectedAndItReceivesOnceItIs() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET);
             TestClient sender = TestClient.connect(server, ID, Transport.WEBSOCKET)) {
            TestClient absent = TestClient.connect(server, ID, Transport.WEBSOCKET);
            HttpCookie session = absent.sessionCookie();
            String who = Watcher.who(session);
            absent.disconnect();
            watcher.await("disconnected", null, who);

            joinSession(sender, "invited", who);
            assertEquals(List.of(who), watcher.members("invited"));
            assertEquals(List.of(), watcher.presence("invited"), "a member, but not connected");

            try (TestClient arrived = TestClient.connect(server.uri(), ID, Transport.WEBSOCKET, session)) {
                watcher.await("joined", "invited", who);
                send(sender, "invited", "you were invited");
                assertReceives(arrived, "invited", "you were invited");
            }
            absent.close();
        }
    }

    @Test
    void aConnectedSessionJoinedByTheApplicationIsPresentAtOnceAndLeavesTheSameWay() {
        try (Watcher watcher = Watcher.watch(server.uri(), Transport.WEBSOCKET);
             TestClient sender = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient member = TestClient.connect(server, ID, Transport.LONG_POLLING)) {
            String who = Watcher.who(member.sessionCookie());
            joinSession(sender, "chosen", who);
            watcher.await("joined", "chosen", who);
            send(sender, "chosen", "chosen one");
            assertReceives(member, "chosen", "chosen one");

            leaveSession(sender, "chosen", who);
            watcher.await("left", "chosen", who);
            send(sender, "chosen", "anyone?");
            assertNothing(member, "the application ended the membership");
        }
    }

    @Test
    void aSendCanLeaveOutEveryTabOfOneSession() {
        try (TestClient other = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient first = TestClient.connect(server, ID, Transport.WEBSOCKET);
             TestClient second = TestClient.connect(server.uri(), ID, Transport.LONG_POLLING, first.sessionCookie())) {
            join(other, "except");
            join(first, "except");
            second.send(Map.of("cmd", "toChannelExcept", "channel", "except", "data", "not for my tabs"));
            assertReceives(other, "except", "not for my tabs");
            assertNothing(first, "the sender's session is left out, every tab of it");
            assertNothing(second, "the sender's session is left out, every tab of it");
        }
    }
}
