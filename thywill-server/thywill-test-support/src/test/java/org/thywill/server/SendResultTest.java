package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** What {@code ApplicationContext.send} tells the application: how many connections it reached, and its receipt. */
class SendResultTest {

    private static final Duration QUIET = Duration.ofMillis(700);
    /** The receipt of a target that did not ask for one fails at once, saying how to ask. */
    private static final String NO_RECEIPT = "UnsupportedOperationException";
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("probe").start();
    }

    @AfterAll
    static void stop() {
        server.close();
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
            assertEquals(List.of("to both tabs", told(2)).toString(), sorted(tab1.nextMessage(), tab1.nextMessage()));

            tab1.send(Map.of("cmd", "join", "channel", "room"));
            assertEquals("joined", tab1.nextMessage());
            stranger.send(Map.of("cmd", "sent", "to", "channel", "channel", "room", "data", "to the room"));
            assertEquals("to the room", tab1.nextMessage());
            assertEquals("to the room", tab2.nextMessage());
            assertEquals(told(2), stranger.nextMessage());
            assertTrue(stranger.next(QUIET).isEmpty(), "a non-member must not receive the channel");
        }
    }

    private static Map<String, Object> told(long queued) {
        return Map.of("queued", queued, "receipt", NO_RECEIPT);
    }

    /** Two messages whose order between a session's inbox and a direct send is not promised. */
    private static String sorted(Object a, Object b) {
        List<Object> both = new ArrayList<>(List.of(a, b));
        both.sort((x, y) -> (x instanceof String ? 0 : 1) - (y instanceof String ? 0 : 1));
        return both.toString();
    }
}
