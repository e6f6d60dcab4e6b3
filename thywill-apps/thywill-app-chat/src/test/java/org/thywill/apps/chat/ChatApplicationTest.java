package org.thywill.apps.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.TestTokens;
import org.thywill.testing.ThywillTestServer;

/** The chat's protocol as two real clients see it; each test has a fresh server, so guests are numbered from 1. */
class ChatApplicationTest {

    private static final String ROOM = "/thywill/chat/channel/room";
    private static final String DIRECT = "/thywill/chat";
    private static final Duration QUIET = Duration.ofSeconds(1);

    @AutoClose
    private ThywillTestServer server;

    @BeforeEach
    void start() {
        server = ThywillTestServer.withApplications("chat").start();
    }

    @Test
    void aMessageReachesEveryoneInTheRoomIncludingTheSender() {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"));
             TestClient b = connectSecond(a, Transport.LONG_POLLING)) {
            long before = System.currentTimeMillis();
            assertTrue(a.send(Map.of("text", "hi")).isSuccessful());
            Map<String, Object> expected = Map.of("from", "Guest 1", "text", "hi");
            assertEquals(expected, withoutAt(next(a, ROOM), before));
            assertEquals(expected, withoutAt(next(b, ROOM), before));

            b.send(Map.of("text", "  spaced out \n"));
            expected = Map.of("from", "Guest 2", "text", "spaced out");
            assertEquals(expected, withoutAt(next(a, ROOM), before));
            assertEquals(expected, withoutAt(next(b, ROOM), before));
        }
    }

    @Test
    void theLongestNameAndTextAreAccepted() {
        String name = "n".repeat(ChatRequest.MAX_NAME - 1) + "\uD83D\uDE00";
        String text = "t".repeat(ChatRequest.MAX_TEXT - 1) + "\uD83D\uDE00";
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"))) {
            long before = System.currentTimeMillis();
            a.send(Map.of("name", name));
            assertEquals(Map.of("event", "renamed", "from", "Guest 1", "to", name), withoutAt(next(a, ROOM), before));
            a.send(Map.of("text", text));
            assertEquals(Map.of("from", name, "text", text), withoutAt(next(a, ROOM), before));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void arrivalsAndPoliteDeparturesAreAnnouncedToTheOthers(Transport transport) {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"))) {
            long before = System.currentTimeMillis();
            TestClient b = connectSecond(a, transport);
            b.disconnect();
            assertEquals(Map.of("event", "left", "name", "Guest 2"), withoutAt(next(a, ROOM), before));
            assertNothingMore(a);

            TestClient c = connect(transport, "Guest 3", List.of("Guest 1", "Guest 3"));
            assertEquals(Map.of("event", "joined", "name", "Guest 3"), withoutAt(next(a, ROOM), before));
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConnectionThatVanishesIsAnnouncedOnceTheServerNotices(Transport transport) {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"))) {
            TestClient b = connectSecond(a, transport);
            long before = System.currentTimeMillis();
            b.drop();
            // Noticed within longPollTimeout + maxInterval (8 s), announced after the presence grace (5 s).
            TestClient.Delivery left = a.next(Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("No 'left' within 20 s of the drop"));
            assertEquals(ROOM, left.channel());
            assertEquals(Map.of("event", "left", "name", "Guest 2"), withoutAt(left.data(), before));
            assertNothingMore(a);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSecondTabIsTheSamePersonAndIsNotAnnounced(Transport transport) {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"));
             TestClient b = connectSecond(a, transport);
             TestClient bAgain = TestClient.connect(server.uri(), "chat", transport, b.sessionCookie())) {
            assertEquals(Map.of("event", "welcome", "name", "Guest 2", "online", List.of("Guest 1", "Guest 2")),
                    next(bAgain, DIRECT));
            assertNothingMore(a);

            long before = System.currentTimeMillis();
            bAgain.send(Map.of("text", "from my other tab"));
            Map<String, Object> said = Map.of("from", "Guest 2", "text", "from my other tab");
            for (TestClient everyone : List.of(a, b, bAgain)) {
                assertEquals(said, withoutAt(next(everyone, ROOM), before));
            }
        }
    }

    @Test
    void aReloadWithinTheGraceIsNeitherALeaveNorAJoinAndKeepsTheName() {
        // A grace long enough that a loaded machine cannot turn the reload into a departure.
        Duration grace = Duration.ofSeconds(12);
        server.close();
        server = ThywillTestServer.withApplications("chat").set("push", "presenceGrace", grace.toSeconds() + "s")
                .start();
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"))) {
            TestClient b = connectSecond(a, Transport.LONG_POLLING);
            long before = System.currentTimeMillis();
            b.send(Map.of("name", "Bob"));
            Map<String, Object> renamed = Map.of("event", "renamed", "from", "Guest 2", "to", "Bob");
            assertEquals(renamed, withoutAt(next(a, ROOM), before));
            assertEquals(renamed, withoutAt(next(b, ROOM), before));

            long gone = System.nanoTime();
            b.disconnect();
            // The same page again: it remembers what it handled, so nothing is replayed to it.
            try (TestClient reloaded = b.reconnect(Transport.LONG_POLLING)) {
                Duration away = Duration.ofNanos(System.nanoTime() - gone);
                assertTrue(away.compareTo(grace) < 0, () -> "The reload took " + away + ", longer than the grace");
                assertEquals(Map.of("event", "welcome", "name", "Bob", "online", List.of("Bob", "Guest 1")),
                        next(reloaded, DIRECT));
                // Past the grace counted from the departure: a leave would have been announced by now.
                Duration rest = grace.plusSeconds(1).minus(Duration.ofNanos(System.nanoTime() - gone));
                Optional<TestClient.Delivery> extra = a.next(rest);
                assertTrue(extra.isEmpty(), () -> "A reload is no news, but got " + extra.get());
            }
            b.close();
        }
    }

    @Test
    void aRenameIsAnnouncedToTheRoomAndNamesLaterMessages() {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"));
             TestClient b = connectSecond(a, Transport.LONG_POLLING)) {
            long before = System.currentTimeMillis();
            a.send(Map.of("name", "  Alice "));
            Map<String, Object> renamed = Map.of("event", "renamed", "from", "Guest 1", "to", "Alice");
            assertEquals(renamed, withoutAt(next(a, ROOM), before));
            assertEquals(renamed, withoutAt(next(b, ROOM), before));

            a.send(Map.of("text", "it's me"));
            assertEquals(Map.of("from", "Alice", "text", "it's me"), withoutAt(next(b, ROOM), before));
            next(a, ROOM);

            b.send(Map.of("name", "ALICE"));
            assertEquals(Map.of("event", "error", "message", "Someone here is already called ALICE: choose another"
                    + " name."), next(b, DIRECT));
            assertNothingMore(a);

            TestClient c = connect(Transport.WEBSOCKET, "Guest 3", List.of("Alice", "Guest 2", "Guest 3"));
            c.close();
        }
    }

    static Stream<Arguments> badInput() {
        String neither = "Send {\"text\": \"...\"} to say something, or {\"name\": \"...\"} to change your name.";
        String badName = "A name is 1 to 32 characters.";
        return Stream.of(
                Arguments.of("plain text", neither),
                Arguments.of(Map.of("colour", "red"), neither),
                Arguments.of(Map.of("text", "hi", "name", "Bob"), neither),
                Arguments.of(Map.of("name", ""), badName),
                Arguments.of(Map.of("name", "   "), badName),
                Arguments.of(Map.of("name", "x".repeat(33)), badName),
                Arguments.of(Map.of("name", 7L), badName),
                Arguments.of(Map.of("name", "Bob\nby"), "A name cannot contain line breaks, tabs or other control"
                        + " characters."),
                Arguments.of(Map.of("text", " \t "), "The message is empty: type something before sending."),
                Arguments.of(Map.of("text", "y".repeat(2001)), "A message is at most 2000 characters; this one has"
                        + " 2001."),
                Arguments.of(Map.of("text", 42L), "A message's text is a string of 1 to 2000 characters."),
                Arguments.of(Map.of("signOut", "yes"), "Send {\"signOut\": true}, and nothing else, to sign out."),
                Arguments.of(Map.of("signOut", true, "text", "bye"), "Send {\"signOut\": true}, and nothing else,"
                        + " to sign out."));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsAnsweredToTheSenderOnly(Object data, String answer) {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"));
             TestClient b = connectSecond(a, Transport.LONG_POLLING)) {
            assertTrue(a.send(data).isSuccessful());
            assertEquals(Map.of("event", "error", "message", answer), next(a, DIRECT));
            assertNothingMore(b);
            assertNothingMore(a);
        }
    }

    @Test
    void aGuestCannotSignOut() {
        try (TestClient a = connect(Transport.WEBSOCKET, "Guest 1", List.of("Guest 1"))) {
            assertTrue(a.send(Map.of("signOut", true)).isSuccessful());
            TestClient.Delivery refusal = a.next();
            assertEquals("error", refusal.type(), () -> "Not a refusal: " + refusal);
            assertEquals(Map.of("code", "not-permitted", "message", "You are a guest: sign in before signing out."),
                    refusal.envelope().get("error"));
            assertTrue(a.isConnected());
            assertNothingMore(a);
        }
    }

    @Test
    void signingOutEndsEveryBrowserOfThePersonWithTheReason() {
        try (ThywillTestServer signed = TestTokens.jwt(ThywillTestServer.withApplications("chat")).start();
             TestClient laptop = TestClient.connectAs(signed, "chat", Transport.WEBSOCKET, TestTokens.of("bob"));
             TestClient phone = TestClient.connectAs(signed, "chat", Transport.LONG_POLLING, TestTokens.of("bob"));
             TestClient alice = TestClient.connectAs(signed, "chat", Transport.WEBSOCKET, TestTokens.of("alice"))) {
            assertTrue(laptop.send(Map.of("signOut", true)).isSuccessful());
            for (TestClient bob : List.of(laptop, phone)) {
                assertEquals(Map.of("code", "signed-out", "message", "Signed out"), closedNotice(bob));
            }
            assertTrue(alice.isConnected());
        }
    }

    /** @return the notice that the server ended the client's connection, skipping the chat's messages before it */
    private static Map<String, Object> closedNotice(TestClient client) {
        while (true) {
            TestClient.Delivery next = client.next();
            if ("/service/thywill/auth/closed".equals(next.channel())) {
                return next.envelope();
            }
        }
    }

    /** Connects and checks the welcome: the name given and everyone online. */
    private TestClient connect(Transport transport, String name, List<String> online) {
        TestClient client = TestClient.connect(server, "chat", transport);
        assertEquals(Map.of("event", "welcome", "name", name, "online", online), next(client, DIRECT));
        return client;
    }

    /** Connects "Guest 2" next to "Guest 1" and checks that "Guest 1" hears of it. */
    private TestClient connectSecond(TestClient first, Transport transport) {
        long before = System.currentTimeMillis();
        TestClient second = connect(transport, "Guest 2", List.of("Guest 1", "Guest 2"));
        assertEquals(Map.of("event", "joined", "name", "Guest 2"), withoutAt(next(first, ROOM), before));
        return second;
    }

    private static Object next(TestClient client, String channel) {
        TestClient.Delivery delivery = client.next();
        assertEquals(channel, delivery.channel(), () -> "Delivered on the wrong channel: " + delivery);
        assertEquals("message", delivery.type(), () -> "Not a message: " + delivery);
        return delivery.data();
    }

    /** Checks that {@code at} is a time between {@code notBefore} and now, and returns the rest to compare. */
    private static Map<String, Object> withoutAt(Object data, long notBefore) {
        Map<?, ?> map = assertInstanceOf(Map.class, data);
        Map<String, Object> rest = new LinkedHashMap<>();
        map.forEach((k, v) -> rest.put((String) k, v));
        long at = assertInstanceOf(Long.class, rest.remove("at"), () -> "No numeric 'at' in " + data);
        long now = System.currentTimeMillis();
        assertTrue(at >= notBefore && at <= now, () -> "'at' " + at + " is not between " + notBefore + " and " + now);
        return rest;
    }

    private static void assertNothingMore(TestClient client) {
        Optional<TestClient.Delivery> extra = client.next(QUIET);
        assertTrue(extra.isEmpty(), () -> "Expected nothing more, but got " + extra.get());
    }
}
