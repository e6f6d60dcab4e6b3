package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.api.admin.ConnectionAdmin;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.TestNginx;
import org.thywill.testing.ThywillTestServer;

/**
 * Thywill behind a reverse proxy: the project's own nginx file in a real nginx, and forwarded headers believed from
 * the addresses of {@code server.trustedProxies} only.
 */
class ReverseProxyTest {

    private static final Path NGINX_FILE = Path.of("../../config/nginx-cluster.conf");
    private static final String HANDSHAKE = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
            + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"thywill\":{\"application\":\"probe\"}}}]";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> handshake(URI base, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/thywill/cometd"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(HANDSHAKE));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageServedThroughTheProjectsNginxConnectsOverLongPollingAndWebSocket() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("server", "trustedProxies", List.of("127.0.0.1")).start();
             TestNginx nginx = TestNginx.start(NGINX_FILE, List.of(server.port()))) {
            String page = "http://127.0.0.1:" + nginx.port();
            HttpResponse<String> polled = handshake(nginx.uri(), "Origin", page);
            assertEquals(200, polled.statusCode(), polled.body() + "\n" + nginx.log());
            assertTrue(polled.body().contains("\"successful\":true"), polled.body());
            String upgraded = ProtectionTest.upgradeStatus(nginx.port(), page);
            assertTrue(upgraded.contains(" 101"), upgraded + "\n" + nginx.log());
            assertEquals(403, handshake(nginx.uri(), "Origin", "http://127.0.0.1:1").statusCode(),
                    "another origin is still refused");

            try (TestClient client = TestClient.connect(nginx.uri(), "probe", Transport.WEBSOCKET,
                    TestClient.newSession(nginx.uri(), "probe"))) {
                client.send(Map.of("cmd", "echo", "data", "through nginx"));
                assertEquals("through nginx", client.nextMessage());
            }
        }
    }

    @Test
    void theClientAddressIsTheOneTheTrustedProxySawAndNoOtherSendersClaim() throws Exception {
        String[] chain = {"X-Forwarded-For", "203.0.113.66, 198.51.100.7"};
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("server", "trustedProxies", List.of("127.0.0.1")).start()) {
            assertEquals(200, handshake(server.uri(), chain).statusCode());
            assertEquals("198.51.100.7", onlyClientAddress(server),
                    "the right-most address the trusted proxy did not add itself");
        }
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            assertEquals(200, handshake(server.uri(), chain).statusCode());
            assertEquals("127.0.0.1", onlyClientAddress(server), "no proxy is trusted by default");
        }
    }

    @Test
    void aBrowserOnTheProxysPublicOriginIsAcceptedOnlyFromATrustedProxy() throws Exception {
        String[] forwarded = {"Origin", "https://chat.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "chat.example", "X-Forwarded-For", "198.51.100.7"};
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("server", "trustedProxies", List.of("127.0.0.0/8")).start()) {
            assertEquals(200, handshake(server.uri(), forwarded).statusCode());
        }
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("server", "trustedProxies", List.of("10.0.0.0/8")).start()) {
            assertEquals(403, handshake(server.uri(), forwarded).statusCode(), "a sender no one trusts");
        }
    }

    private static String onlyClientAddress(ThywillTestServer server) {
        List<Connection> connections = ((ConnectionAdmin) server.thywill().component(ClientInterface.class))
                .connections();
        assertEquals(1, connections.size(), connections.toString());
        String remote = connections.get(0).remoteAddress();
        return remote.replaceFirst("^[^/]*/", "").replaceFirst("^<unresolved>:?", "").replaceFirst(":\\d+$", "");
    }
}
