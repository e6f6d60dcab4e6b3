package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.thywill.testing.PlainWebSocketClient;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * {@code ApplicationContext.disconnectUser} over real sockets: every device of the user is told why and closed;
 * other users stay connected.
 */
class UserLogoutTest {

    @AutoClose
    private static final ThywillTestServer SERVER = Tokens.jwtServer().withPlainWebSocket().start();

    private static TestClient device(String user, Transport transport) {
        return TestClient.connectAs(SERVER, WhoAmIApplication.ID, transport, Tokens.hmac(user, Duration.ofMinutes(5)));
    }

    @Test
    void loggingAUserOutClosesEachOfTheirDevicesWithTheReason() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice, Transport.WEBSOCKET);
             TestClient phone = device(alice, Transport.LONG_POLLING);
             TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            Map<?, ?> ended = UserSendTest.answer(bob, Map.of("logout", alice, "message", "Your password changed"),
                    "ended");
            assertEquals(2, ((Number) ended.get("ended")).intValue());
            for (TestClient device : new TestClient[] {laptop, phone}) {
                assertEquals(Map.of("code", "signed-out", "message", "Your password changed"), closedNotice(device));
                awaitDisconnected(device);
            }
            for (TestClient device : new TestClient[] {laptop, phone}) {
                assertTrue(device.next(Duration.ofMillis(1500)).isEmpty(), "nothing more arrives");
                assertTrue(!device.isConnected(), "the page does not connect again by itself");
            }
            assertTrue(bob.isConnected());
            assertTrue(UserSendTest.answer(bob, Map.of(), "user").get("user").toString().startsWith("bob-"),
                    "another user is still served");
        }
    }

    @Test
    void loggingAUserOutClosesTheirPlainWebSocketDevicesToo() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice, Transport.WEBSOCKET);
             PlainWebSocketClient terminal = PlainWebSocketClient.connect(SERVER.plainWebSocketUri(),
                     WhoAmIApplication.ID, true, Map.of("token", Tokens.hmac(alice, Duration.ofMinutes(5))));
             TestClient bob = device("bob-" + UUID.randomUUID(), Transport.WEBSOCKET)) {
            Map<?, ?> ended = UserSendTest.answer(bob, Map.of("logout", alice, "message", "Bye"), "ended");
            assertEquals(2, ((Number) ended.get("ended")).intValue(), "both Client Interfaces end alice's devices");
            assertEquals(Map.of("code", "signed-out", "message", "Bye"), closedNotice(laptop));
            assertEquals(4403, terminal.closeCode(), "the plain client is told not to come back by itself");
            assertTrue(bob.isConnected());
        }
    }

    @Test
    void aMessageTooLongIsRefusedSayingTheLimitAndNobodyIsClosed() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice, Transport.WEBSOCKET)) {
            Map<?, ?> refused = UserSendTest.answer(laptop, Map.of("logout", alice, "message", "x".repeat(501)),
                    "refused");
            assertTrue(refused.get("refused").toString().contains("at most 500"), refused.toString());
            assertTrue(laptop.isConnected());
        }
    }

    static Map<String, Object> closedNotice(TestClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var next = client.next(Duration.ofMillis(200));
            if (next.isPresent() && "/service/thywill/auth/closed".equals(next.get().channel())) {
                return next.get().envelope();
            }
        }
        throw new AssertionError("No notice on /service/thywill/auth/closed");
    }

    static void awaitDisconnected(TestClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still connected");
            }
            client.next(Duration.ofMillis(50));
        }
    }
}
