package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.PlainWebSocketClient;
import org.thywill.testing.ThywillTestServer;

/** A plain-WebSocket hello's token is checked by the authentication component as a Bayeux handshake's is. */
class PlainWebSocketAuthenticationTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer().withPlainWebSocket().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> hello(String token) {
        Map<String, Object> hello = new HashMap<>(Map.of("op", "hello", "application", WhoAmIApplication.ID));
        if (token != null) {
            hello.put("token", token);
        }
        return hello;
    }

    @Test
    void aGoodTokenNamesTheUserInTheWelcomeAndToTheApplication() {
        try (PlainWebSocketClient client = PlainWebSocketClient.connect(server.plainWebSocketUri(),
                WhoAmIApplication.ID, true, Map.of("token", Tokens.hmac("alice", Duration.ofMinutes(5))))) {
            assertEquals("alice", client.welcome().get("user"));
            long expiresIn = ((Number) client.welcome().get("expires")).longValue() - System.currentTimeMillis();
            assertTrue(expiresIn > 280_000 && expiresIn <= 300_000, "expires in " + expiresIn);
            client.send(Map.of("who", true));
            assertEquals(Map.of("user", "alice", "name", "Name of alice", "atConnect", "alice"),
                    client.nextMessage());
        }
    }

    @Test
    void aRefusedHelloIsToldWhyAndClosedWith4401() {
        String forged = Tokens.forged(Tokens.hmac("alice", Duration.ofMinutes(5)),
                payload -> payload.replace("\"alice\"", "\"admin\""));
        for (String token : new String[] {forged, null}) {
            try (PlainWebSocketClient client = PlainWebSocketClient.openSilent(server.plainWebSocketUri())) {
                Map<String, Object> answer = client.ask(hello(token));
                assertEquals("error", answer.get("op"), answer::toString);
                assertEquals(token == null ? "unauthenticated" : "invalid-token",
                        ((Map<?, ?>) answer.get("error")).get("code"));
                assertEquals("close", client.nextFrame().get("op"));
                assertEquals(4401, client.closeCode());
            }
        }
    }

    @Test
    void aConnectionWhoseTokenExpiresIsClosedWith4401() {
        try (PlainWebSocketClient client = PlainWebSocketClient.connect(server.plainWebSocketUri(),
                WhoAmIApplication.ID, true, Map.of("token", Tokens.hmac("carol", Duration.ofSeconds(2))))) {
            Map<String, Object> close = client.nextFrame();
            assertEquals("token-expired", ((Map<?, ?>) close.get("reason")).get("code"));
            assertEquals(4401, client.closeCode());
        }
    }
}
