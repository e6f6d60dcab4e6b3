package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Delivery;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** Acknowledged delivery through the session inbox (documentation/protocol.md), over real sockets. */
class DeliveryTest {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("delivery").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Takes data from the client until it has {@code count} messages, failing if one takes more than 10 s. */
    static List<Object> messages(TestClient client, int count) {
        List<Object> data = new ArrayList<>();
        while (data.size() < count) {
            try {
                data.add(client.nextMessage());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " after " + data + " (" + client.duplicatesDropped()
                        + " duplicates dropped)", e);
            }
        }
        return data;
    }

    static Map<String, Object> numbers(TestClient to, int count, long pauseMillis) {
        return Map.of("cmd", "numbers", "session", to.sessionCookie().getValue(), "count", count,
                "pauseMillis", pauseMillis);
    }

    static List<Object> range(int count) {
        return IntStream.range(0, count).<Object>mapToObj(Long::valueOf).toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientWhoseSocketIsCutMissesNothingAndSeesNothingTwice(Transport transport) {
        assertStreamSurvives(transport, 200, 2, TestClient::drop);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPageThatSaysGoodbyeMidStreamAndComesBackMissesNothing(Transport transport) {
        // A reload: the old connection ends politely while messages flow. Each message sent while it ends must be
        // kept for the session, never sent once to the connection on its way out.
        assertStreamSurvives(transport, 300, 1, TestClient::disconnect);
    }

    /** Streams numbers to a page, interrupts it after 30, and checks the page reconnected gets the rest once. */
    private static void assertStreamSurvives(Transport transport, int count, long pauseMillis,
                                             java.util.function.Consumer<TestClient> interruption) {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            sender.send(numbers(page, count, pauseMillis));
            List<Object> seen = new ArrayList<>(messages(page, 30));
            interruption.accept(page);
            // What it handled before the interruption but this test had not taken yet.
            page.drain().forEach(d -> seen.add(d.data()));
            try (TestClient again = page.reconnect(transport)) {
                seen.addAll(messages(again, count - seen.size()));
                assertEquals(range(count), normalise(seen), "every number once, in order");
                assertEquals("sent " + count, sender.nextMessage());
                assertTrue(again.next(QUIET).isEmpty(), "nothing after the last number");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void messagesSentWhileTheSessionIsOfflineArriveInOrderWhenItReconnects(Transport transport) {
        try (TestClient sender = TestClient.connect(server, "delivery", transport)) {
            TestClient page = TestClient.connect(server, "delivery", transport);
            page.disconnect();
            sender.send(numbers(page, 5, 0));
            assertEquals("sent 5", sender.nextMessage());
            try (TestClient again = page.reconnect(transport)) {
                assertEquals(range(5), normalise(messages(again, 5)));
                assertTrue(again.next(QUIET).isEmpty());
            }
            page.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anAcknowledgedMessageIsNotReplayedToTheSessionsNextPage(Transport transport) throws Exception {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            sender.send(numbers(page, 3, 0));
            assertEquals(range(3), normalise(messages(page, 3)));
            Thread.sleep(300); // the acknowledgement is batched
            // A new tab of the same browser knows no seq: it gets what no tab acknowledged, here nothing.
            try (TestClient tab = TestClient.connect(server.uri(), "delivery", transport, page.sessionCookie())) {
                assertTrue(tab.next(QUIET).isEmpty(), "acknowledged messages must be gone from the inbox");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anAcknowledgementCarriedByTheNextConnectEmptiesTheInbox(Transport transport) throws Exception {
        assertAcknowledgedByOneRoute(transport, TestClient::acknowledgeOnlyOnConnects);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anAcknowledgementPublishedOnItsOwnEmptiesTheInbox(Transport transport) throws Exception {
        assertAcknowledgedByOneRoute(transport, TestClient::acknowledgeOnlyByPublishing);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void malformedAcknowledgementsInAConnectAreIgnoredAndTheConnectionCarriesOn(Transport transport)
            throws Exception {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            page.acknowledgeOnlyOnConnects().withNextConnectExtension(Map.of("acks", Map.of(
                    "delivery", "all of them", "../../etc", 5, "", 7, "ok", List.of(1))));
            sender.send(numbers(page, 1, 0));
            assertEquals(range(1), normalise(messages(page, 1))); // the malformed connect leaves after this
            assertEquals("sent 1", sender.nextMessage());
            page.withNextConnectExtension(Map.of("acks", "everything"));
            sender.send(numbers(page, 2, 0));
            assertEquals(range(2), normalise(messages(page, 2)), "the connection carries on");
            assertEquals("sent 2", sender.nextMessage());
            assertTrue(page.isConnected());
        }
        assertAcknowledgedByOneRoute(transport, TestClient::acknowledgeOnlyOnConnects); // and the server too
    }

    private static void assertAcknowledgedByOneRoute(Transport transport, java.util.function.Consumer<TestClient> route)
            throws Exception {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            route.accept(page);
            sender.send(numbers(page, 3, 0));
            assertEquals(range(3), normalise(messages(page, 3)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (page.acknowledgedSeq("delivery") < page.handledSeq("delivery")) {
                assertTrue(System.nanoTime() < deadline, "the client never acknowledged what it handled");
                Thread.sleep(20);
            }
            Thread.sleep(300); // on its way to the server
            try (TestClient tab = TestClient.connect(server.uri(), "delivery", transport, page.sessionCookie())) {
                assertTrue(tab.next(QUIET).isEmpty(), "acknowledged messages must be gone from the inbox");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRetriedClientMessageReachesTheApplicationOnce(Transport transport) {
        try (TestClient page = TestClient.connect(server, "delivery", transport)) {
            assertTrue(page.send("first", "m-1").isSuccessful());
            assertTrue(page.send("first", "m-1").isSuccessful(), "a repeat is accepted, as the first was");
            assertTrue(page.send("second", "m-2").isSuccessful());
            assertEquals("first", page.nextMessage());
            assertEquals("second", page.nextMessage());
            assertTrue(page.next(QUIET).isEmpty(), "the repeat must not reach the application");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReceiptCompletesWhenTheClientAcknowledges(Transport transport) {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            sender.send(Map.of("cmd", "receipted", "session", page.sessionCookie().getValue(), "data", "hello"));
            assertEquals("hello", page.nextMessage());
            Object answer = sender.nextMessage();
            assertEquals(Map.of("receipt", page.handledSeq("delivery")), answer);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReceiptOfAMessageToAConnectionCompletesOnAcknowledgementAndFailsForAConnectionThatEnded(
            Transport transport) {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient page = TestClient.connect(server, "delivery", transport)) {
            sender.send(Map.of("cmd", "receiptedTo", "connection", page.connectionId(), "data", "just you"));
            assertEquals("just you", page.nextMessage());
            Object answer = sender.nextMessage();
            assertTrue(answer instanceof Map<?, ?> m && m.get("receipt") instanceof Number, "a receipt: " + answer);
            String gone = page.connectionId();
            page.disconnect();
            sender.send(Map.of("cmd", "receiptedTo", "connection", gone, "data", "too late"));
            assertEquals(Map.of("failed", "DISCONNECTED"), sender.nextMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPlainCometdClientGetsSessionMessagesWithoutSeqUntilAnAcknowledgingTabJoinsItsSession(
            Transport transport) {
        try (TestClient sender = TestClient.connect(server, "delivery", transport);
             TestClient plain = TestClient.connectPlain(server, "delivery", transport)) {
            sender.send(numbers(plain, 1, 0));
            Delivery only = plain.next();
            assertEquals("message", only.type());
            assertEquals(0L, ((Number) only.data()).longValue());
            assertFalse(only.envelope().containsKey("seq"), "no inbox for a session of plain clients only");
            try (TestClient tab = TestClient.connect(server.uri(), "delivery", transport, plain.sessionCookie())) {
                sender.send(numbers(plain, 1, 0));
                assertTrue(plain.next().envelope().containsKey("seq"));
                assertTrue(tab.next().envelope().containsKey("seq"));
            }
        }
    }

    /** JSON numbers arrive as Long or Integer depending on the transport's parser. */
    static List<Object> normalise(List<Object> data) {
        return data.stream().<Object>map(d -> d instanceof Number n ? Long.valueOf(n.longValue()) : d).toList();
    }
}
