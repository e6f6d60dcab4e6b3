package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * {@code Target.user(id)} over real sockets, with the jwt authentication and the Database keeping each session's
 * user: a message reaches every device of the user once, and no one else; a device offline now gets it when it
 * reconnects; the receipt completes on the first acknowledgement, and fails for a user without a session.
 */
class UserSendTest {

    private static final String DIRECT = "/thywill/" + WhoAmIApplication.ID;
    private static final Duration QUIET = Duration.ofMillis(700);
    @AutoClose
    private static final ThywillTestServer SERVER = Tokens.jwtServer().start();

    /** @return a new device of {@code user}, connected and known as theirs */
    static TestClient device(String user, Transport transport) {
        TestClient device = TestClient.connectAs(SERVER, WhoAmIApplication.ID, transport,
                Tokens.hmac(user, Duration.ofMinutes(5)));
        assertEquals(user, answer(device, Map.of(), "user").get("user"), "signed in");
        return device;
    }

    @Test
    void aMessageToAUserReachesEachOfTheirDevicesOnceAndNobodyElse() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice, Transport.WEBSOCKET);
             TestClient phone = device(alice, Transport.LONG_POLLING);
             TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            Map<?, ?> queued = answer(bob, Map.of("toUser", alice, "text", "hello"), "queued");
            assertEquals(2, ((Number) queued.get("queued")).intValue(), "both devices are live on this node");
            for (TestClient device : new TestClient[] {laptop, phone}) {
                Map<?, ?> got = next(device, "text");
                assertEquals("hello", got.get("text"));
                assertTrue(got.get("from").toString().startsWith("bob-"));
                assertTrue(find(device, "text", QUIET).isEmpty(), "once");
            }
            assertTrue(find(bob, "text", QUIET).isEmpty(), "the sender is not the user");
        }
    }

    @Test
    void theReceiptCompletesOnTheFirstAcknowledgementOfAnyDevice() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice, Transport.WEBSOCKET);
             TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            TestClient phone = device(alice, Transport.WEBSOCKET);
            phone.drop(); // a device gone offline: its copy waits in its inbox, unacknowledged
            Map<?, ?> receipt = answer(bob, Map.of("toUser", alice, "text", "ping", "receipt", true), "receipt");
            assertTrue(((Number) receipt.get("receipt")).longValue() > 0, "numbered by the laptop's inbox");
            assertEquals("ping", next(laptop, "text").get("text"));
        }
    }

    @Test
    void aDeviceOfflineWhenSentToGetsTheMessageWhenItReconnects() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            TestClient laptop = device(alice, Transport.WEBSOCKET);
            laptop.disconnect();
            answer(bob, Map.of("toUser", alice, "text", "while you were out"), "queued");
            try (TestClient back = laptop.reconnect(Transport.LONG_POLLING)) {
                assertEquals("while you were out", next(back, "text").get("text"));
            }
        }
    }

    @Test
    void aUserWithoutAnySessionFailsTheReceiptSayingSo() {
        try (TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            Map<?, ?> failed = answer(bob, Map.of("toUser", "nobody-" + UUID.randomUUID(), "text", "hi",
                    "receipt", true), "receiptFailed");
            assertEquals("NO_SESSION", failed.get("receiptFailed"));
        }
    }

    static Map<?, ?> answer(TestClient client, Map<String, Object> command, String key) {
        client.send(command);
        return next(client, key);
    }

    static Map<?, ?> next(TestClient client, String key) {
        return find(client, key, Duration.ofSeconds(20)).orElseThrow(
                () -> new AssertionError("No message with '" + key + "'"));
    }

    static Optional<Map<?, ?>> find(TestClient client, String key, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Optional<TestClient.Delivery> next = client.next(Duration.ofNanos(left));
            if (next.isPresent() && DIRECT.equals(next.get().channel()) && next.get().data() instanceof Map<?, ?> m
                    && m.containsKey(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
