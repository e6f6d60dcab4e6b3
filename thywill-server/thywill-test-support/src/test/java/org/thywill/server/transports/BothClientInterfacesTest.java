package org.thywill.server.transports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * The same behaviour over both Client Interfaces of one server, {@code cometd} (Bayeux) and {@code websocket} (the
 * plain-WebSocket protocol): the applications, the delivery guarantees and the refusals cannot tell them apart.
 */
class BothClientInterfacesTest {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static final int RATE = 20;
    private static ThywillTestServer server;

    /** The two kinds of client. */
    enum Kind {
        BAYEUX(BayeuxPeer::connect),
        PLAIN(PlainPeer::connect);

        private final BiFunction<ThywillTestServer, String, Peer> connect;

        Kind(BiFunction<ThywillTestServer, String, Peer> connect) {
            this.connect = connect;
        }

        Peer connect(String application) {
            return connect.apply(server, application);
        }
    }

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("probe", "rpc-probe", "delivery")
                .withPlainWebSocket()
                .set("clientInterface", "plain", Map.of("port", 0, "maxMessagesPerSecond", RATE))
                .set("clientInterface", "maxMessagesPerSecond", RATE)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMessageEchoesToItsSenderAlone(Kind kind) {
        try (Peer sender = kind.connect("probe"); Peer other = kind.connect("probe")) {
            assertTrue(sender.send(Map.of("cmd", "echo", "data", Map.of("text", "hi", "n", 7))));
            assertEquals(Map.of("text", "hi", "n", 7L), sender.nextMessage());
            assertTrue(other.next(QUIET).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSendToASessionReachesEachOfItsConnectionsAndNoOther(Kind kind) {
        try (Peer first = kind.connect("probe"); Peer second = first.sameSession();
             Peer stranger = kind.connect("probe")) {
            first.send(Map.of("cmd", "toSession", "data", "to every connection"));
            assertEquals("to every connection", first.nextMessage());
            assertEquals("to every connection", second.nextMessage());
            assertTrue(stranger.next(QUIET).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChannelSendReachesTheOtherMembersOnTheChannel(Kind kind) {
        try (Peer speaker = kind.connect("probe"); Peer listener = kind.connect("probe")) {
            speaker.send(Map.of("cmd", "join", "channel", "room"));
            listener.send(Map.of("cmd", "join", "channel", "room"));
            assertEquals("joined", speaker.nextMessage());
            assertEquals("joined", listener.nextMessage());

            speaker.send(Map.of("cmd", "toChannel", "channel", "room", "excludeSelf", true, "data", "hello room"));
            TestClient.Delivery heard = listener.next();
            assertEquals("/thywill/probe/channel/room", heard.channel());
            assertEquals("hello room", heard.data());
            assertTrue(speaker.next(QUIET).isEmpty(), "the speaker excluded itself");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void messagesSentDuringACutArriveAfterItOnceEachInOrder(Kind kind) {
        try (Peer commander = kind.connect("delivery")) {
            Peer client = kind.connect("delivery");
            commander.send(Map.of("cmd", "numbers", "session", client.session(), "count", 3, "pauseMillis", 0));
            assertEquals("sent 3", commander.nextMessage());
            assertEquals(List.of(0L, 1L, 2L), messages(client, 3));
            client.cut();

            commander.send(Map.of("cmd", "numbers", "session", client.session(), "count", 4, "pauseMillis", 0));
            assertEquals("sent 4", commander.nextMessage());
            try (Peer back = client.reconnect()) {
                assertEquals(List.of(0L, 1L, 2L, 3L), messages(back, 4), "the cut's messages, once, in order");
                assertTrue(back.next(QUIET).isEmpty(), "nothing handled before the cut comes again");
            }
        }
    }

    private static List<Object> messages(Peer peer, int count) {
        List<Object> seen = new ArrayList<>();
        while (seen.size() < count) {
            seen.add(peer.nextMessage());
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCallIsAnsweredWithItsResultOrItsError(Kind kind) {
        try (Peer caller = kind.connect("rpc-probe")) {
            Map<String, Object> result = caller.call("rpc-probe", "add", List.of(1, 2));
            assertEquals("rpc-result", result.get("type"));
            assertEquals(3L, result.get("result"));

            Map<String, Object> error = caller.call("rpc-probe", "add", List.of(1));
            assertEquals("rpc-error", error.get("type"));
            assertEquals("invalid-arguments", ((Map<?, ?>) error.get("error")).get("code"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMalformedMessageIsAnsweredWithAnErrorAndTheConnectionCarriesOn(Kind kind) {
        try (Peer client = kind.connect("probe")) {
            String code = client.sendMalformed();
            assertTrue(code.equals("bad-message") || code.equals("bad-frame"), code);
            client.send(Map.of("cmd", "echo", "data", "still here"));
            assertEquals("still here", client.nextMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMessageToAnApplicationThatDoesNotRunIsRefused(Kind kind) {
        try (Peer client = kind.connect("probe")) {
            assertEquals("unknown-application", client.sendTo("nope", Map.of("type", "message", "data", 1))
                    .orElseThrow());
            client.send(Map.of("cmd", "echo", "data", "still here"));
            while (true) {
                TestClient.Delivery d = client.next();
                if ("message".equals(d.type())) {
                    assertEquals("still here", d.data());
                    break;
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionSendingTooFastIsRefusedTheExcessWhileOthersCarryOn(Kind kind) {
        try (Peer fast = kind.connect("probe"); Peer calm = kind.connect("probe")) {
            int accepted = 0;
            for (int i = 0; i < 100; i++) {
                accepted += fast.send(Map.of("cmd", "echo", "data", i)) ? 1 : 0;
            }
            assertTrue(100 - accepted >= 50, (100 - accepted) + " refused of 100 sent at " + RATE + "/s");
            // A plain client's hello is one of its first second's frames; a Bayeux handshake is not a publish.
            assertTrue(accepted >= RATE - 1, accepted + " accepted: the first second's allowance passes");
            int echoes = 0;
            for (TestClient.Delivery d = fast.next(Duration.ofSeconds(2)).orElse(null); d != null;
                 d = fast.next(QUIET).orElse(null)) {
                echoes += "message".equals(d.type()) ? 1 : 0;
            }
            assertEquals(accepted, echoes, "every accepted message is echoed");

            calm.send(Map.of("cmd", "echo", "data", "unaffected"));
            assertEquals("unaffected", calm.nextMessage());
        }
    }
}
