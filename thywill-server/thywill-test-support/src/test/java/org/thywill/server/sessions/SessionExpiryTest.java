package org.thywill.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.Test;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** Sessions end after {@code database.sessionLifetime} without activity, and the cookie says how long it lasts. */
class SessionExpiryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> page(ThywillTestServer server, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.page("probe"));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().firstValue("set-cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
    }

    @Test
    void theSessionCookieLastsTheSessionLifetimeAndIsHttpOnlyAndSameSiteLax() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            String cookie = setCookie(page(server, null));
            assertTrue(cookie.contains("; Max-Age=2592000"), "30 days, the default lifetime: " + cookie);
            assertTrue(cookie.contains("; HttpOnly"), cookie);
            assertTrue(cookie.contains("; SameSite=Lax"), cookie);
            assertTrue(cookie.contains("; Path=/"), cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);

            String pair = cookie.split(";", 2)[0];
            String renewed = setCookie(page(server, pair));
            assertTrue(renewed.startsWith(pair + ";"), "a page load renews the same session's cookie: " + renewed);
            assertTrue(renewed.contains("; Max-Age=2592000"), renewed);
        }
    }

    @Test
    void secureCookieMarksTheCookieSecureOverPlainHttpToo() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "secureCookie", true).start()) {
            String cookie = setCookie(page(server, null));
            assertTrue(cookie.contains("; Secure"), cookie);
        }
    }

    @Test
    void behindATrustedTlsProxyTheCookieIsSecureAndAnUntrustedClaimOfTlsIsIgnored() throws Exception {
        try (ThywillTestServer trusting = ThywillTestServer.withApplications("probe")
                .set("server", "trustedProxies", java.util.List.of("127.0.0.1")).start();
             ThywillTestServer untrusting = ThywillTestServer.withApplications("probe").start()) {
            String forwarded = setCookie(HTTP.send(HttpRequest.newBuilder(trusting.page("probe"))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString()));
            assertTrue(forwarded.contains("; Secure"), "the proxy terminated TLS: " + forwarded);
            assertFalse(setCookie(page(trusting, null)).contains("Secure"), "plain HTTP through no proxy");
            String spoofed = setCookie(HTTP.send(HttpRequest.newBuilder(untrusting.page("probe"))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString()));
            assertFalse(spoofed.contains("Secure"), "a client that is no listed proxy cannot claim TLS: " + spoofed);
        }
    }

    @Test
    void anExpiredSessionsCookieGetsANewSessionAndTheScavengerDeletesIt() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("database", "sessionLifetime", "2s").start()) {
            String cookie = setCookie(page(server, null));
            assertTrue(cookie.contains("; Max-Age=2;"), cookie);
            String pair = cookie.split(";", 2)[0];
            String expired = pair.substring(pair.indexOf('=') + 1);
            Database database = server.thywill().component(Database.class);
            assertTrue(rowExists(database, expired));

            Thread.sleep(2_100);

            String replaced = setCookie(page(server, pair));
            assertFalse(replaced.startsWith(pair + ";"), "a new session, not the expired one: " + replaced);
            try (TestClient client = TestClient.connect(server.uri(), "probe", TestClient.Transport.WEBSOCKET,
                    HttpCookie.from("thywill_session", expired))) {
                SessionId session = server.thywill().component(ClientInterface.class)
                        .connection(new ConnectionId(client.connectionId())).orElseThrow().session();
                assertNotEquals(expired, session.value(), "a handshake with the expired cookie gets a new session");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rowExists(database, expired) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(rowExists(database, expired), "the scavenger deleted it (it runs every second here)");
            assertEquals(Optional.empty(), database.sessions().find(expired));
        }
    }

    @Test
    void pollsKeepASessionAliveWithoutPageLoads() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("database", "sessionLifetime", "3s")
                .set("clientInterface", "longPollTimeout", "1s").start()) {
            HttpCookie cookie = TestClient.newSession(server.uri(), "probe");
            try (TestClient client = TestClient.connect(server.uri(), "probe", TestClient.Transport.LONG_POLLING,
                    cookie)) {
                Thread.sleep(4_500); // a lifetime and a half of nothing but /meta/connect polls, one a second
                assertTrue(client.isConnected());
            }
            String renewed = setCookie(page(server, cookie.getName() + "=" + cookie.getValue()));
            assertTrue(renewed.startsWith(cookie.getName() + "=" + cookie.getValue() + ";"),
                    "still the same session: " + renewed);
        }
    }

    private static boolean rowExists(Database database, String id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT 1 FROM thywill_session WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                return row.next();
            }
        }
    }
}
