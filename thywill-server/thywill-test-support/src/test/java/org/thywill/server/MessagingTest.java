package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The public protocol of documentation/protocol.md, over real sockets, on both transports. */
class MessagingTest {

    private static final Duration QUIET = Duration.ofMillis(700);
    /** The receipt of a target that did not ask for one fails at once, saying how to ask. */
    private static final String NO_RECEIPT_ASKED = "UnsupportedOperationException";
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        // A vanished long-polling client is noticed at worst longPollTimeout + maxInterval after its last poll.
        server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "longPollTimeout", "4s")
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void twoTabsOfOneBrowserShareASessionButNotAConnection(Transport transport) {
        try (TestClient tab1 = TestClient.connect(server, "probe", transport);
             TestClient tab2 = TestClient.connect(server.uri(), "probe", transport, tab1.sessionCookie());
             TestClient stranger = TestClient.connect(server, "probe", transport)) {
            assertFalse(tab1.connectionId().equals(tab2.connectionId()));

            tab1.send(Map.of("cmd", "toSession", "data", "to every tab"));

            assertEquals("to every tab", tab1.nextMessage());
            assertEquals("to every tab", tab2.nextMessage());
            assertTrue(stranger.next(QUIET).isEmpty(), "another browser's session must not receive it");

            tab1.send(Map.of("cmd", "echo", "data", "only me"));
            assertEquals("only me", tab1.nextMessage());
            assertTrue(tab2.next(QUIET).isEmpty(), "a send to a connection reaches that connection only");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void badMessagesAreAnsweredWithAnErrorToTheSenderWhileOthersCarryOn(Transport transport) {
        try (TestClient bad = TestClient.connect(server, "probe", transport);
             TestClient good = TestClient.connect(server, "probe", transport)) {
            bad.publish("/service/thywill/probe", "not an object");
            assertError(bad.next(), "/thywill/probe", "bad-message");

            bad.publish("/service/thywill/probe", Map.of("type", "nonsense", "data", 1));
            assertError(bad.next(), "/thywill/probe", "bad-message");

            bad.publish("/service/thywill/probe", Map.of("type", "message"));
            assertError(bad.next(), "/thywill/probe", "bad-message");

            bad.publish("/service/thywill/nosuch", Map.of("type", "message", "data", 1));
            assertError(bad.next(), "/thywill/nosuch", "unknown-application");

            bad.send(Map.of("cmd", "throw"));
            TestClient.Delivery failure = bad.next();
            assertError(failure, "/thywill/probe", "application-error");
            assertFalse(String.valueOf(failure.envelope()).contains("secret detail"),
                    "the exception's message must stay on the server");

            good.send(Map.of("cmd", "echo", "data", "still fine"));
            assertEquals("still fine", good.nextMessage());
            assertTrue(good.next(QUIET).isEmpty(), "errors go to the sender alone");

            bad.send(Map.of("cmd", "echo", "data", "recovered"));
            assertEquals("recovered", bad.nextMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertError(TestClient.Delivery delivery, String channel, String code) {
        assertEquals(channel, delivery.channel());
        assertEquals("error", delivery.type());
        Map<String, Object> error = (Map<String, Object>) delivery.envelope().get("error");
        assertEquals(code, error.get("code"));
        assertTrue(String.valueOf(error.get("message")).length() > 10, "the error says what to change");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void nestedJsonOfAnyShapeRoundTripsUnchanged(Transport transport) {
        Map<String, Object> data = Map.of("points", List.of(List.of(1L, 2L), List.of(3L, 4L)),
                "deep", List.of(List.of(List.of("x")), Map.of("k", List.of(List.of()))),
                "numbers", List.of(1.5, -2L, 0L), "flags", List.of(true, false), "nothing", List.of());
        try (TestClient client = TestClient.connect(server, "probe", transport)) {
            client.send(Map.of("cmd", "echo", "data", data));
            assertEquals(data, client.nextMessage());
        }
    }

    @Test
    void clientsCannotSubscribeOrPublishToApplicationChannels() {
        try (TestClient client = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            Message subscribe = client.subscribe("/thywill/probe/channel/room");
            assertFalse(subscribe.isSuccessful(), "subscribing is the application's decision");
            Message publishChannel = client.publish("/thywill/probe/channel/room", Map.of("type", "message"));
            assertFalse(publishChannel.isSuccessful());
            Message publishApp = client.publish("/thywill/probe", Map.of("type", "message", "data", 1));
            assertFalse(publishApp.isSuccessful());
            client.send(Map.of("cmd", "echo", "data", "connection still usable"));
            assertEquals("connection still usable", client.nextMessage());
        }
    }

    @Test
    void channelMessagesReachEveryMemberButTheExcludedOne() {
        try (TestClient a = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient b = TestClient.connect(server, "probe", Transport.LONG_POLLING);
             TestClient c = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient outsider = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            for (TestClient member : List.of(a, b, c)) {
                member.send(Map.of("cmd", "join", "channel", "room"));
                assertEquals("joined", member.nextMessage());
            }
            a.send(Map.of("cmd", "toChannel", "channel", "room", "data", "hello room", "excludeSelf", true));
            for (TestClient member : List.of(b, c)) {
                TestClient.Delivery d = member.next();
                assertEquals("/thywill/probe/channel/room", d.channel());
                assertEquals("hello room", d.data());
            }
            assertTrue(a.next(QUIET).isEmpty(), "the excluded connection gets nothing");
            assertTrue(outsider.next(QUIET).isEmpty(), "a non-member gets nothing");

            a.send(Map.of("cmd", "toChannel", "channel", "room", "data", "all of us"));
            for (TestClient member : List.of(a, b, c)) {
                assertEquals("all of us", member.next().data());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theApplicationLearnsOfConnectionsAndOfVanishedClients(Transport transport) {
        try (TestClient watcher = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            watcher.send(Map.of("cmd", "watch"));
            assertEquals("watching", watcher.nextMessage());

            TestClient polite = TestClient.connect(server, "probe", transport);
            String politeId = polite.connectionId();
            assertEquals(Map.of("event", "connected", "connection", politeId), watcher.nextMessage());
            polite.disconnect();
            assertEquals(Map.of("event", "disconnected", "connection", politeId, "reason", "CLIENT"),
                    watcher.nextMessage());
            polite.close();

            TestClient vanishing = TestClient.connect(server, "probe", transport);
            String vanishingId = vanishing.connectionId();
            assertEquals(Map.of("event", "connected", "connection", vanishingId), watcher.nextMessage());
            long dropped = System.nanoTime();
            vanishing.drop();
            TestClient.Delivery gone = watcher.next(Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("the vanished client was never noticed"));
            assertEquals(Map.of("event", "disconnected", "connection", vanishingId, "reason", "TIMEOUT"),
                    gone.data());
            long seconds = Duration.ofNanos(System.nanoTime() - dropped).toSeconds();
            assertTrue(seconds <= 12, "noticed after " + seconds + " s; longPollTimeout 4 s + maxInterval 3 s");
        }
    }

    @Test
    void theConnectionKnowsItsTransportAndApplication() {
        for (Transport transport : Transport.values()) {
            try (TestClient client = TestClient.connect(server, "probe", transport)) {
                client.send(Map.of("cmd", "whoami"));
                assertEquals(Map.of("connection", client.connectionId(), "application", "probe",
                        "transport", transport == Transport.WEBSOCKET ? "websocket" : "long-polling"),
                        client.nextMessage());
            }
        }
    }

    @Test
    void aHandshakeForAnApplicationThatDoesNotRunIsRefused() {
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestClient.connect(server.uri(), "nosuch", Transport.LONG_POLLING, null));
        assertTrue(refused.getMessage().contains("unknown-application"), refused.getMessage());
    }

    @Test
    void aSendSaysHowManyLiveConnectionsItReachedAndThatNoReceiptWasAskedFor() {
        try (TestClient tab1 = TestClient.connect(server, "probe", Transport.WEBSOCKET);
             TestClient tab2 = TestClient.connect(server.uri(), "probe", Transport.WEBSOCKET, tab1.sessionCookie());
             TestClient stranger = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            stranger.send(Map.of("cmd", "sent", "to", "connection", "connection", tab1.connectionId(),
                    "data", "to tab 1"));
            assertEquals("to tab 1", tab1.nextMessage());
            assertEquals(told(1), stranger.nextMessage());

            stranger.send(Map.of("cmd", "sent", "to", "connection", "connection", "gone", "data", "lost"));
            assertEquals(told(0), stranger.nextMessage());

            stranger.send(Map.of("cmd", "sent", "to", "connection", "connection", tab2.connectionId(),
                    "receipted", true, "data", "acknowledge me"));
            assertEquals("acknowledge me", tab2.nextMessage());
            assertEquals(Map.of("queued", 1L, "receipt", "acknowledged"), stranger.nextMessage(),
                    "a receipt asked for completes once the client library acknowledged the message");

            tab1.send(Map.of("cmd", "sent", "to", "session", "data", "to both tabs"));
            assertEquals("to both tabs", tab2.nextMessage());
            assertEquals(List.of("to both tabs", told(2)), sorted(tab1.nextMessage(), tab1.nextMessage()));

            tab1.send(Map.of("cmd", "join", "channel", "sent-room"));
            assertEquals("joined", tab1.nextMessage());
            stranger.send(Map.of("cmd", "sent", "to", "channel", "channel", "sent-room", "data", "to the room"));
            assertEquals("to the room", tab1.nextMessage());
            assertEquals("to the room", tab2.nextMessage());
            assertEquals(told(2), stranger.nextMessage());
            assertTrue(stranger.next(QUIET).isEmpty(), "a non-member must not receive the channel");
        }
    }

    private static Map<String, Object> told(long queued) {
        return Map.of("queued", queued, "receipt", NO_RECEIPT_ASKED);
    }

    /** Two messages whose order (a session's inbox, a direct send) is not promised: the text first. */
    private static List<Object> sorted(Object a, Object b) {
        List<Object> both = new ArrayList<>(List.of(a, b));
        both.sort((x, y) -> (x instanceof String ? 0 : 1) - (y instanceof String ? 0 : 1));
        return both;
    }
}
