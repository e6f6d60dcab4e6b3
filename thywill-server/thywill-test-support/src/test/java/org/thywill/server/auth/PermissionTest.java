package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Joins, sends and calls checked against the user's claims before they run, over real CometD clients signed in as
 * two users: alice is staff, bob is not. A refusal is a typed error, {@code not-permitted} with the application's
 * words, that names the refused message, and leaves the connection as it was.
 */
class PermissionTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer(RoomsApplication.ID).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestClient signIn(String user, Map<String, Object> claims) {
        var token = Tokens.claims(user, Duration.ofMinutes(5));
        claims.forEach(token::claim);
        return TestClient.connectAs(server, RoomsApplication.ID, Transport.LONG_POLLING,
                Tokens.hmac(token.build(), Tokens.SECRET));
    }

    private static void call(TestClient client, String id, String name, Object... args) {
        client.publish("/service/thywill/" + RoomsApplication.ID,
                Map.of("type", "rpc", "id", id, "name", name, "args", List.of(args)));
    }

    private static Map<String, Object> refusal(String id, String message) {
        return Map.of("type", "error", "id", id, "error", Map.of("code", "not-permitted", "message", message));
    }

    @Test
    void onlyTheUserWhoseClaimsAllowItJoinsAChannel() {
        try (TestClient alice = signIn("alice", Map.of("role", "staff")); TestClient bob = signIn("bob", Map.of())) {
            bob.send(Map.of("join", "staff"), "b1");
            assertEquals(refusal("b1", "Only staff may join 'staff'."), bob.next().envelope());

            alice.send(Map.of("join", "staff"), "a1");
            assertEquals(Map.of("joined", "staff"), alice.next().data());

            // The refusal left bob's connection as it was: what is permitted still goes through.
            bob.send(Map.of("join", "lobby"), "b2");
            assertEquals(Map.of("joined", "lobby"), bob.next().data());
        }
    }

    @Test
    void aMutedUsersMessageIsRefusedBeforeTheApplicationSeesIt() {
        try (TestClient carol = signIn("carol", Map.of("muted", true))) {
            carol.send(Map.of("join", "lobby"), "c1");
            assertEquals(refusal("c1", "The application 'rooms' does not permit this message."),
                    carol.next().envelope());
        }
    }

    @Test
    void callsAreRefusedByTheCheckOrByTheFunctionWithTheApplicationsWords() {
        try (TestClient alice = signIn("alice", Map.of("role", "staff")); TestClient bob = signIn("bob", Map.of())) {
            call(bob, "1", "kick", "carol");
            assertEquals(Map.of("type", "rpc-error", "id", "1", "error", Map.of("code", "not-permitted",
                    "message", "Only staff may kick.")), bob.next().envelope());
            call(alice, "2", "kick", "carol");
            assertEquals(Map.of("type", "rpc-result", "id", "2", "result", "kicked carol"), alice.next().envelope());

            call(bob, "3", "read", "alice");
            assertEquals(Map.of("type", "rpc-error", "id", "3", "error", Map.of("code", "not-permitted",
                    "message", "Only alice may read this.")), bob.next().envelope());
            call(alice, "4", "read", "alice");
            assertEquals(Map.of("type", "rpc-result", "id", "4", "result", "the notes of alice"),
                    alice.next().envelope());
        }
    }
}
