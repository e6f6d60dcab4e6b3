package org.thywill.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.thywill.testing.ThywillTestServer;

/**
 * Browser error reports reach the log only from the server's own pages (the Bayeux origin rule) and only so many a
 * minute per address, however many sessions it makes.
 */
class BrowserErrorReportTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REPORT = "/thywill/log/client-error";

    private static int report(ThywillTestServer server, String origin, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(REPORT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Uncaught TypeError\"}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String newSession(ThywillTestServer server) throws IOException, InterruptedException {
        HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(server.page("probe")).build(),
                HttpResponse.BodyHandlers.discarding());
        return page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
    }

    @Test
    void reportsFromAnotherSitesPageAreRefusedWhileTheServersOwnPagesAndProgramsReport() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            String own = "http://" + server.uri().getHost() + ":" + server.uri().getPort();
            assertEquals(403, report(server, "https://evil.example", null));
            assertEquals(403, report(server, "http://" + server.uri().getHost() + ":1", null), "another port");
            assertEquals(204, report(server, own, null), "the server's own page");
            assertEquals(204, report(server, null, null), "a program sends no Origin");
        }
    }

    @Test
    void anOriginTheSettingsAllowMayReportAsItMayConnect() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("clientInterface", "allowedOrigins", java.util.List.of("https://partner.example")).start()) {
            assertEquals(204, report(server, "https://partner.example", null));
            assertEquals(403, report(server, "https://evil.example", null));
        }
    }

    @Test
    void aNewSessionForEveryReportDoesNotEscapeTheLimitOfTheAddress() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe")
                .set("log", "clientErrorsPerAddressPerMinute", 5).start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(204, report(server, null, newSession(server)), "report " + (i + 1));
            }
            assertEquals(429, report(server, null, newSession(server)), "the sixth, from a sixth session");
        }
    }
}
