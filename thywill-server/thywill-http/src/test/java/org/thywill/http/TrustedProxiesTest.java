package org.thywill.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

/** A real Jetty on port 0 with the customizer, answering what a request looks like to the handlers behind it. */
class TrustedProxiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @return "secure remote-address authority" as the handler sees the request */
    private static String seen(List<String> trusted, String... headers) throws Exception {
        Server jetty = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new TrustedProxies(trusted));
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String seen = request.isSecure() + " " + Request.getRemoteAddr(request) + " "
                        + request.getHttpURI().getAuthority();
                response.write(true, StandardCharsets.UTF_8.encode(seen), callback);
                return true;
            }
        });
        jetty.start();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body()
                    .replace(":" + connector.getLocalPort(), ":PORT");
        } finally {
            jetty.stop();
        }
    }

    private static final String[] TLS_PROXY = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "chat.example:8443",
            "X-Forwarded-For", "198.51.100.7"};

    @Test
    void aTrustedProxysForwardedSchemeHostAndClientAreTheRequests() throws Exception {
        assertEquals("true 198.51.100.7 chat.example:8443", seen(List.of("127.0.0.1"), TLS_PROXY));
        assertEquals("true 198.51.100.7 chat.example:8443", seen(List.of("127.0.0.0/8", "10.0.0.0/8"), TLS_PROXY));
        assertEquals("true 198.51.100.7 chat.example:8443", seen(List.of("127.0.0.1"),
                "Forwarded", "for=198.51.100.7;proto=https;host=\"chat.example:8443\""));
    }

    @Test
    void forwardedHeadersFromAnyOtherSenderAreIgnored() throws Exception {
        String direct = seen(List.of());
        assertEquals(direct, seen(List.of(), TLS_PROXY), "no proxy is trusted by default");
        assertEquals(direct, seen(List.of("10.0.0.0/8", "::1"), TLS_PROXY), "127.0.0.1 is not among them");
        assertEquals(direct, seen(List.of("192.0.2.1"), "Forwarded", "for=198.51.100.7;proto=https"));
    }

    @Test
    void aClientCannotPickItsAddressByPrependingToXForwardedFor() throws Exception {
        // The client sent "X-Forwarded-For: 203.0.113.66"; its proxy appended the address it saw, then a second
        // trusted proxy appended the first one's.
        assertEquals("false 198.51.100.7 127.0.0.1:PORT", seen(List.of("127.0.0.1", "10.0.0.2"),
                "X-Forwarded-For", "203.0.113.66, 198.51.100.7, 10.0.0.2"));
    }

    @Test
    void namesAndGarbageAreRefusedAtStartUp() {
        assertThrows(SettingsException.class, () -> new org.thywill.api.ServerSettings("127.0.0.1", 0,
                List.of("balancer.internal")));
        assertThrows(SettingsException.class, () -> new org.thywill.api.ServerSettings("127.0.0.1", 0,
                List.of("10.0.0.0/99")));
        assertThrows(SettingsException.class, () -> new TrustedProxies(List.of("10.0.0.0/99")));
    }
}
