package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.testing.ThywillTestServer;

/**
 * What an application asks for (the server's view, a page at its own address under a strict policy) is granted by
 * what it asks, whatever its id: the admin console is one such application among any.
 */
class ApplicationCapabilityTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String TOKEN = "correct-horse-battery-staple";

    private static HttpResponse<String> get(ThywillTestServer server, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> running(ThywillTestServer server) {
        return server.thywill().component(ApplicationInterface.class).applications().stream()
                .map(ApplicationInfo::id).toList();
    }

    @Test
    void anApplicationAskingForTheServersViewRunsOnlyWhenAdminIsOnAndNeverAsTheDefault() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            assertEquals(List.of("probe"), running(server), "off, it does not run");
            assertEquals(404, get(server, "/thywill/console-probe/").statusCode());
        }
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").set("server", "admin", true)
                .set("server", "adminToken", TOKEN).start()) {
            assertEquals(List.of("probe", ConsoleProbeApplication.ID), running(server),
                    "on, it runs though not enabled by name, after the others");
        }
    }

    @Test
    void aPageAskingForItsOwnAddressAndTheStrictPolicyGetsBoth() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").set("server", "admin", true)
                .set("server", "adminToken", TOKEN).start()) {
            HttpResponse<String> own = get(server, "/thywill/console-probe/");
            assertEquals(200, own.statusCode());
            assertTrue(own.body().contains("\"applicationId\":\"console-probe\""), own.body());
            assertEquals("/thywill/console-probe/", get(server, "/thywill/console-probe").headers()
                    .firstValue("location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null));
            for (String path : List.of("/thywill/console-probe/", "/thywill/init/console-probe/")) {
                String policy = get(server, path).headers().firstValue("content-security-policy").orElseThrow();
                assertTrue(policy.contains("script-src 'self' 'sha256-"), path + ": " + policy);
            }
            assertEquals(404, get(server, "/thywill/console-probe/deeper").statusCode(), "its root page only");

            assertEquals(404, get(server, "/thywill/probe/").statusCode(), "an ordinary page has no such address");
            String ordinary = get(server, "/thywill/init/probe/").headers().firstValue("content-security-policy")
                    .orElseThrow();
            assertFalse(ordinary.contains("script-src"), ordinary);
        }
    }
}
