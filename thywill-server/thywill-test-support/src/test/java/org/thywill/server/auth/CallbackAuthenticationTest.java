package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * The authentication {@code callback} against a real HTTP login on loopback: it is sent the page's token and
 * cookies, and its answer lets the page in as its user or refuses it with the login's own words; a login that
 * cannot be reached refuses with {@code authentication-unavailable}, and the page is advised to try again.
 */
class CallbackAuthenticationTest {

    private static final String SECRET = "shared-with-the-host";
    private static final List<Map<?, ?>> CALLS = new CopyOnWriteArrayList<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static HttpServer login;
    private static ThywillTestServer server;

    @BeforeAll
    static void start() throws IOException {
        login = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        login.createContext("/thywill-login", CallbackAuthenticationTest::answer);
        login.start();
        server = ThywillTestServer.withApplications(WhoAmIApplication.ID)
                .set("authentication", "implementation", "callback")
                .set("authentication", "url", "http://127.0.0.1:" + login.getAddress().getPort() + "/thywill-login")
                .set("authentication", "secret", SECRET)
                .set("authentication", "timeout", "2s")
                .start();
    }

    /** The host application's login: a good token or its own session cookie names a user; anything else is 401. */
    private static void answer(HttpExchange exchange) throws IOException {
        Map<?, ?> body = (Map<?, ?>) TestJson.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        CALLS.add(body);
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Map<?, ?> cookies = (Map<?, ?>) body.get("cookies");
        int status;
        Object reply;
        if ("good-alice".equals(body.get("token"))) {
            status = 200;
            reply = Map.of("user", "alice", "claims", Map.of("name", "Alice"),
                    "expires", Instant.now().plusSeconds(600).getEpochSecond());
        } else if ("bob-session".equals(cookies.get("host_session"))) {
            status = 200;
            reply = Map.of("user", "bob", "claims", Map.of("name", "Bob"));
        } else {
            status = 401;
            reply = Map.of("message", "Not signed in at the host");
        }
        byte[] bytes = TestJson.write(reply).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        server.close();
        login.stop(0);
    }

    @Test
    void aTokenTheLoginAcceptsNamesTheUser() {
        try (AuthClient client = AuthClient.connect(server, "good-alice")) {
            assertTrue(client.handshake().isSuccessful(), client.handshake().toString());
            assertEquals(Map.of("user", "alice", "name", "Alice", "atConnect", "alice"), client.whoAmI());
            Map<?, ?> auth = (Map<?, ?>) client.handshakeExt().get("auth");
            assertTrue(((Number) auth.get("expiresIn")).longValue() > 590_000, auth.toString());
        }
        Map<?, ?> call = CALLS.get(CALLS.size() - 1);
        assertEquals(WhoAmIApplication.ID, call.get("application"));
        assertEquals("127.0.0.1", call.get("remoteAddress"));
        assertEquals("Bearer " + SECRET, AUTHORIZATIONS.get(AUTHORIZATIONS.size() - 1));
    }

    @Test
    void theHostsOwnSessionCookieIsPassedOnAndNamesTheUser() {
        try (AuthClient client = AuthClient.connect(server, null, Map.of("host_session", "bob-session"),
                TestClient.Transport.WEBSOCKET)) {
            assertTrue(client.handshake().isSuccessful(), client.handshake().toString());
            assertEquals("bob", client.whoAmI().get("user"));
        }
        Map<?, ?> cookies = (Map<?, ?>) CALLS.get(CALLS.size() - 1).get("cookies");
        assertEquals("bob-session", cookies.get("host_session"));
        assertFalse(cookies.containsKey("thywill_session"), "Thywill's own session cookie is not the host's");
    }

    @Test
    void aRefusalOfTheLoginRefusesTheHandshakeWithItsMessage() {
        try (AuthClient client = AuthClient.connect(server, "stolen")) {
            Message reply = client.handshake();
            assertFalse(reply.isSuccessful());
            assertEquals("401:refused:Not signed in at the host", reply.get(Message.ERROR_FIELD));
            assertFalse(client.isConnected());
        }
    }

    @Test
    void aLoginThatCannotBeReachedRefusesAsUnavailableAndAdvisesTryingAgain() throws IOException {
        HttpServer gone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = gone.getAddress().getPort();
        gone.stop(0);
        try (ThywillTestServer unreachable = ThywillTestServer.withApplications(WhoAmIApplication.ID)
                .set("authentication", "implementation", "callback")
                .set("authentication", "url", "http://127.0.0.1:" + port + "/thywill-login")
                .start();
             AuthClient client = AuthClient.connect(unreachable, "good-alice")) {
            Message reply = client.handshake();
            assertFalse(reply.isSuccessful());
            assertTrue(String.valueOf(reply.get(Message.ERROR_FIELD)).startsWith(
                    "401:authentication-unavailable:The login could not be checked"), reply.toString());
            assertEquals(Message.RECONNECT_HANDSHAKE_VALUE, reply.getAdvice().get(Message.RECONNECT_FIELD));
        }
    }
}
