package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.testing.ThywillTestServer;

/**
 * The authentication settings: an unknown implementation, a jwt without a key or with a short secret, a key that
 * cannot be read, a callback without a URL each stop start-up saying what to change; a JWKS file's EC key checks
 * tokens by their {@code kid}; by default connections are anonymous.
 */
class AuthenticationSettingsTest {

    @TempDir
    Path home;

    private static String failure(UnaryOperator<ThywillTestServer.Builder> settings) {
        ThywillException e = assertThrows(ThywillException.class,
                () -> settings.apply(ThywillTestServer.withApplications(WhoAmIApplication.ID)).start().close());
        return e.getMessage();
    }

    @Test
    void anUnknownImplementationIsRefusedWithTheNamesAvailable() {
        String message = failure(b -> b.set("authentication", "implementation", "ldap"));
        assertTrue(message.contains("Unknown authentication implementation 'ldap'"), message);
        assertTrue(message.contains("Available for authentication: anonymous, callback, jwt."), message);
    }

    @Test
    void jwtNeedsAKeyAndALongEnoughSecret() {
        String none = failure(b -> b.set("authentication", "implementation", "jwt"));
        assertTrue(none.contains("'authentication.secret'") && none.contains("'publicKey' or 'jwksFile'"), none);

        String shortSecret = failure(b -> b.set("authentication", "implementation", "jwt")
                .set("authentication", "secret", "too-short"));
        assertTrue(shortSecret.contains("must be at least 32 bytes long"), shortSecret);
    }

    @Test
    void aKeyThatCannotBeReadIsNamed() throws IOException {
        String pem = failure(b -> b.set("authentication", "implementation", "jwt")
                .set("authentication", "publicKey", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----"));
        assertTrue(pem.contains("Setting 'authentication.publicKey' cannot be read"), pem);

        Path broken = Files.writeString(home.resolve("broken.jwks"), "{\"keys\": 3}");
        String jwks = failure(b -> b.home(home).set("authentication", "implementation", "jwt")
                .set("authentication", "jwksFile", "broken.jwks"));
        assertTrue(jwks.contains("Setting 'authentication.jwksFile': cannot read " + broken), jwks);
    }

    @Test
    void callbackNeedsAnHttpUrl() {
        String none = failure(b -> b.set("authentication", "implementation", "callback"));
        assertTrue(none.contains("'authentication.url'") && none.contains("is needed"), none);
        String ftp = failure(b -> b.set("authentication", "implementation", "callback")
                .set("authentication", "url", "ftp://login.test/"));
        assertTrue(ftp.contains("must be an http:// or https:// URL"), ftp);
    }

    @Test
    void aJwksFilesEcKeyChecksTokensByKid() throws IOException {
        KeyPair current = Tokens.ecKeys();
        KeyPair retired = Tokens.ecKeys();
        JWKSet set = new JWKSet(java.util.List.of(
                new ECKey.Builder(Curve.P_256, (ECPublicKey) current.getPublic()).keyID("2026").build(),
                new ECKey.Builder(Curve.P_256, (ECPublicKey) retired.getPublic()).keyID("2025").build()));
        Files.writeString(home.resolve("keys.jwks"), set.toString());
        try (ThywillTestServer server = ThywillTestServer.withApplications(WhoAmIApplication.ID).home(home)
                .set("authentication", "implementation", "jwt")
                .set("authentication", "jwksFile", "keys.jwks")
                .start()) {
            try (AuthClient client = AuthClient.connect(server, Tokens.ec(current, "2026",
                    Tokens.claims("erin", Duration.ofMinutes(5)).build()))) {
                assertEquals("erin", client.whoAmI().get("user"));
            }
            try (AuthClient client = AuthClient.connect(server, Tokens.ec(retired, "2026",
                    Tokens.claims("erin", Duration.ofMinutes(5)).build()))) {
                assertTrue(String.valueOf(client.handshake().get("error")).startsWith("401:invalid-token:"),
                        client.handshake().toString());
            }
        }
    }

    @Test
    void jwtWithAllowAnonymousLetsAPageWithoutATokenInAndStillRefusesABadOne() {
        try (ThywillTestServer server = Tokens.jwtServer().set("authentication", "allowAnonymous", true).start()) {
            try (AuthClient anonymous = AuthClient.connect(server, null)) {
                assertEquals(null, anonymous.whoAmI().get("user"));
            }
            try (AuthClient alice = AuthClient.connect(server, Tokens.hmac("alice", Duration.ofMinutes(5)))) {
                assertEquals("alice", alice.whoAmI().get("user"));
            }
            try (AuthClient forged = AuthClient.connect(server, Tokens.forged(Tokens.hmac("alice",
                    Duration.ofMinutes(5)), p -> p.replace("alice", "admin")))) {
                assertTrue(String.valueOf(forged.handshake().get("error")).startsWith("401:invalid-token:"),
                        forged.handshake().toString());
            }
        }
    }

    @Test
    void byDefaultConnectionsAreAnonymousAndATokenIsIgnored() {
        try (ThywillTestServer server = ThywillTestServer.withApplications(WhoAmIApplication.ID).start();
             AuthClient client = AuthClient.connect(server, Tokens.hmac("alice", Duration.ofMinutes(5)))) {
            Map<String, Object> answer = client.whoAmI();
            assertEquals(null, answer.get("user"));
            assertEquals(null, answer.get("atConnect"));
            assertEquals(null, ((Map<?, ?>) client.handshakeExt().get("auth")).get("user"));
        }
    }
}
