package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.ThywillTestServer;

/**
 * A connection lives as long as its token: refreshed over the live connection it goes on; unrefreshed it is closed
 * when the token expires, after a notice saying why; a refresh naming another user, or a bad token, changes nothing.
 */
class TokenExpiryTest {

    private static final Duration SHORT = Duration.ofSeconds(3);
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnrefreshedConnectionIsClosedWhenItsTokenExpiresWithTheReason() throws InterruptedException {
        try (AuthClient watcher = AuthClient.connect(server, Tokens.hmac("watcher", Duration.ofMinutes(5)));
             AuthClient client = AuthClient.connect(server, Tokens.hmac("alice", SHORT))) {
            assertEquals(Map.of("watching", true), watcher.ask(Map.of("watch", true)));
            assertEquals("alice", client.whoAmI().get("user"));

            Map<String, Object> notice = client.expiredNotice(SHORT.plusSeconds(5));

            assertNotNull(notice, "no notice of the expiry");
            assertEquals("token-expired", notice.get("code"));
            assertTrue(String.valueOf(notice.get("message")).contains("sign in again"), notice.toString());
            assertTrue(client.waitForDisconnection(Duration.ofSeconds(5)), "still connected after its token expired");
            assertEquals(Map.of("disconnected", "alice", "reason", "SERVER"), watcher.next(),
                    "the application is told the server ended it");
        }
    }

    @Test
    void aRefreshBeforeExpiryKeepsTheConnection() throws InterruptedException {
        try (AuthClient client = AuthClient.connect(server, Tokens.hmac("alice", SHORT))) {
            Thread.sleep(1000);
            Message reply = client.refresh(Tokens.hmac("alice", Duration.ofMinutes(5)));
            assertTrue(reply.isSuccessful(), reply.toString());
            Map<?, ?> auth = (Map<?, ?>) ((Map<?, ?>) reply.getExt().get("thywill")).get("auth");
            assertEquals("alice", auth.get("user"));
            assertTrue(((Number) auth.get("expiresIn")).longValue() > 290_000, auth.toString());

            assertNull(client.expiredNotice(SHORT.plusSeconds(2)), "closed though refreshed");

            assertTrue(client.isConnected());
            assertEquals("alice", client.whoAmI().get("user"));
        }
    }

    @Test
    void aRefreshWithAnotherUsersTokenOrABadOneIsRefusedAndTheOldExpiryHolds() throws InterruptedException {
        try (AuthClient client = AuthClient.connect(server, Tokens.hmac("alice", SHORT))) {
            Message other = client.refresh(Tokens.hmac("mallory", Duration.ofMinutes(5)));
            assertFalse(other.isSuccessful(), other.toString());
            assertTrue(String.valueOf(other.get(Message.ERROR_FIELD)).startsWith("401:invalid-token:"),
                    other.toString());
            assertTrue(String.valueOf(other.get(Message.ERROR_FIELD)).contains("another user"), other.toString());

            Message forged = client.refresh(Tokens.forged(Tokens.hmac("alice", Duration.ofMinutes(5)),
                    payload -> payload.replace("alice", "alicf")));
            assertFalse(forged.isSuccessful(), forged.toString());

            assertNotNull(client.expiredNotice(SHORT.plusSeconds(5)), "the old expiry should still hold");
            assertTrue(client.waitForDisconnection(Duration.ofSeconds(5)));
        }
    }
}
