package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.api.push.Envelopes;
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

    private static AuthClient signIn(String user, Map<String, Object> claims) {
        var token = Tokens.claims(user, Duration.ofMinutes(5));
        claims.forEach(token::claim);
        return AuthClient.connect(server, RoomsApplication.ID, Tokens.hmac(token.build(), Tokens.SECRET));
    }

    private static Map<String, Object> message(String id, Map<String, Object> data) {
        Map<String, Object> envelope = Envelopes.message(data);
        envelope.put("id", id);
        return envelope;
    }

    private static Map<String, Object> call(String id, String name, Object... args) {
        return Map.of("type", "rpc", "id", id, "name", name, "args", List.of(args));
    }

    private static Map<String, Object> refusal(String id, String message) {
        return Map.of("type", "error", "id", id, "error", Map.of("code", "not-permitted", "message", message));
    }

    @Test
    void onlyTheUserWhoseClaimsAllowItJoinsAChannel() {
        try (AuthClient alice = signIn("alice", Map.of("role", "staff")); AuthClient bob = signIn("bob", Map.of())) {
            bob.publish(message("b1", Map.of("join", "staff")));
            assertEquals(refusal("b1", "Only staff may join 'staff'."), bob.nextEnvelope());

            alice.publish(message("a1", Map.of("join", "staff")));
            assertEquals(Map.of("joined", "staff"), alice.next());

            // The refusal left bob's connection as it was: what is permitted still goes through.
            bob.publish(message("b2", Map.of("join", "lobby")));
            assertEquals(Map.of("joined", "lobby"), bob.next());
        }
    }

    @Test
    void aMutedUsersMessageIsRefusedBeforeTheApplicationSeesIt() {
        try (AuthClient carol = signIn("carol", Map.of("muted", true))) {
            carol.publish(message("c1", Map.of("join", "lobby")));
            assertEquals(refusal("c1", "The application 'rooms' does not permit this message."),
                    carol.nextEnvelope());
        }
    }

    @Test
    void callsAreRefusedByTheCheckOrByTheFunctionWithTheApplicationsWords() {
        try (AuthClient alice = signIn("alice", Map.of("role", "staff")); AuthClient bob = signIn("bob", Map.of())) {
            bob.publish(call("1", "kick", "carol"));
            assertEquals(Map.of("type", "rpc-error", "id", "1", "error", Map.of("code", "not-permitted",
                    "message", "Only staff may kick.")), bob.nextEnvelope());
            alice.publish(call("2", "kick", "carol"));
            assertEquals(Map.of("type", "rpc-result", "id", "2", "result", "kicked carol"), alice.nextEnvelope());

            bob.publish(call("3", "read", "alice"));
            assertEquals(Map.of("type", "rpc-error", "id", "3", "error", Map.of("code", "not-permitted",
                    "message", "Only alice may read this.")), bob.nextEnvelope());
            alice.publish(call("4", "read", "alice"));
            assertEquals(Map.of("type", "rpc-result", "id", "4", "result", "the notes of alice"),
                    alice.nextEnvelope());
        }
    }
}
