package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * The authentication {@code jwt} over a real socket: a good token names the user an application sees; forged,
 * expired, wrong-audience, wrong-issuer and wrong-key tokens, and none, are refused at the handshake with a
 * Bayeux error the page can show, and no connection is made.
 */
class JwtAuthenticationTest {

    private static final KeyPair RSA = Tokens.rsaKeys();
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer()
                .set("authentication", "publicKey", Tokens.pem(RSA))
                .set("authentication", "issuer", Tokens.ISSUER)
                .set("authentication", "audience", Tokens.AUDIENCE)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(TestClient.Transport.class)
    void aGoodTokenNamesTheUserInOnConnectAndInHandlers(TestClient.Transport transport) {
        try (AuthClient client = AuthClient.connect(server, Tokens.hmac("alice", Duration.ofMinutes(5)), Map.of(),
                transport)) {
            assertTrue(client.handshake().isSuccessful(), client.handshake().toString());
            assertEquals(Map.of("user", "alice", "name", "Name of alice", "atConnect", "alice"), client.whoAmI());
            Map<?, ?> auth = (Map<?, ?>) client.handshakeExt().get("auth");
            assertEquals("alice", auth.get("user"));
            long expiresIn = ((Number) auth.get("expiresIn")).longValue();
            assertTrue(expiresIn > 290_000 && expiresIn <= 300_000, "expiresIn " + expiresIn);
        }
    }

    @Test
    void aTokenSignedByTheConfiguredRsaKeyIsAccepted() {
        try (AuthClient client = AuthClient.connect(server, Tokens.rsa(RSA,
                Tokens.claims("bob", Duration.ofMinutes(5)).build()))) {
            assertEquals("bob", client.whoAmI().get("user"));
        }
    }

    @Test
    void aForgedTokenIsRefused() {
        String good = Tokens.hmac("alice", Duration.ofMinutes(5));
        String forged = Tokens.forged(good, payload -> payload.replace("\"alice\"", "\"admin\""));
        assertRefused(forged, "invalid-token", "Invalid signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(Tokens.hmac("alice", Duration.ofSeconds(-5)), "token-expired", "expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(Tokens.hmac(Tokens.claims("alice", Duration.ofMinutes(5)).audience("another-service").build(),
                Tokens.SECRET), "invalid-token", "aud claim");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(Tokens.hmac(Tokens.claims("alice", Duration.ofMinutes(5)).issuer("https://evil.test").build(),
                Tokens.SECRET), "invalid-token", "iss");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefused(Tokens.rsa(Tokens.rsaKeys(), Tokens.claims("alice", Duration.ofMinutes(5)).build()),
                "invalid-token", "refused");
        assertRefused(Tokens.hmac(Tokens.claims("alice", Duration.ofMinutes(5)).build(),
                "another-secret-that-is-long-enough-for-hs256"), "invalid-token", "refused");
    }

    @Test
    void noTokenIsRefused() {
        assertRefused(null, "unauthenticated", "token");
        assertRefused("not a token at all", "invalid-token", "refused");
    }

    private static void assertRefused(String token, String code, String inMessage) {
        try (AuthClient client = AuthClient.connect(server, token)) {
            Message reply = client.handshake();
            assertFalse(reply.isSuccessful(), reply.toString());
            String error = (String) reply.get(Message.ERROR_FIELD);
            assertNotNull(error, reply.toString());
            assertTrue(error.startsWith("401:" + code + ":"), error);
            assertTrue(error.contains(inMessage), error);
            assertEquals(Map.of("code", code, "message", error.substring(("401:" + code + ":").length())),
                    client.handshakeExt().get("error"));
            assertEquals(Message.RECONNECT_NONE_VALUE, reply.getAdvice().get(Message.RECONNECT_FIELD));
            assertFalse(client.isConnected());
        }
    }
}
