package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;
import org.thywill.testing.ThywillTestServer;

/**
 * What a browser sees over plain HTTP: the bootstrap page, its session cookie, the scripts, the 404 page; and what the
 * server tells about itself: no name or version, errors of its own, headers that keep pages unframed.
 */
class HttpSurfaceTest {

    private static ThywillTestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("probe").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBootstrapPageLoadsBootstrapResourcesByWeightThenTheApplicationsThenStartsIt() throws Exception {
        HttpResponse<String> page = get("/thywill/init/");
        assertEquals(200, page.statusCode());
        String html = page.body();
        int config = html.indexOf("window.thywillConfig = ");
        int clientScript = html.indexOf("src=\"/thywill/client/thywill.js\"");
        int logScript = html.indexOf("src=\"/thywill/log/errors.js\"");
        int appScript = html.indexOf("src=\"/thywill/app/probe/probe.js\"");
        int start = html.indexOf("window.thywill.bootstrap(window.thywillConfig)");
        assertTrue(config > 0 && config < clientScript, "the configuration comes before any script");
        assertTrue(clientScript < logScript, "weight 0 (client interface) before weight 20 (log)");
        assertTrue(logScript < appScript, "bootstrap resources before the application's");
        assertTrue(appScript < start, "the bootstrap call comes last");
        assertTrue(html.contains("<p id=\"probe\">probe page</p>"), "the application's body is in the page");
        assertTrue(html.contains("<title>Probe &lt;&amp;&gt;</title>"), "the title is escaped");
        assertTrue(html.contains("\"applicationId\":\"probe\""));
    }

    @Test
    void thePageGivesANewBrowserAnHttpOnlySessionCookieAndKeepsAKnownOne() throws Exception {
        HttpResponse<String> first = get("/thywill/init/probe/");
        String cookie = first.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("thywill_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        String pair = cookie.split(";", 2)[0];
        assertTrue(pair.length() > "thywill_session=".length() + 30, "the id is long enough to be unguessable");

        HttpResponse<String> again = get("/thywill/init/probe/", "Cookie", pair);
        assertTrue(again.headers().firstValue("set-cookie").orElseThrow().startsWith(pair + ";"),
                "a known session keeps its cookie, renewed");

        HttpResponse<String> forged = get("/thywill/init/probe/", "Cookie", "thywill_session=forged");
        assertTrue(forged.headers().firstValue("set-cookie").orElseThrow().startsWith("thywill_session="),
                "an unknown id is replaced by a new session");
        assertTrue(!forged.headers().firstValue("set-cookie").orElseThrow().contains("forged"));
    }

    @Test
    void anUnknownApplicationGetsA404PageNamingTheApplicationsThatRun() throws Exception {
        HttpResponse<String> page = get("/thywill/init/nosuch/");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("nosuch"));
        assertTrue(page.body().contains("href=\"/thywill/init/probe/\""), page.body());
    }

    @Test
    void theRootAndAnApplicationWithoutItsSlashRedirect() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/thywill/init/", URI.create(root.headers().firstValue("location").orElseThrow()).getPath());
        HttpResponse<String> noSlash = get("/thywill/init/probe");
        assertEquals(302, noSlash.statusCode());
        assertEquals("/thywill/init/probe/",
                URI.create(noSlash.headers().firstValue("location").orElseThrow()).getPath());
    }

    @Test
    void theBrowserLibraryAndTheCometdClientAreServedAsJavaScript() throws Exception {
        for (String path : new String[] {"/thywill/client/thywill.js", "/thywill/client/cometd/cometd.js",
                "/thywill/client/cometd/Client.js", "/thywill/app/probe/probe.js"}) {
            HttpResponse<String> script = get(path);
            assertEquals(200, script.statusCode(), path);
            assertTrue(script.headers().firstValue("content-type").orElseThrow().startsWith("text/javascript"), path);
        }
        assertTrue(get("/thywill/client/cometd/cometd.js").body().contains("export * from \"./Client.js\""));
        assertEquals(404, get("/thywill/client/nosuch.js").statusCode());
        for (String escape : new String[] {"/thywill/client/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
                "/thywill/app/probe/%2e%2e/%2e%2e/client/thywill.js"}) {
            int status = get(escape).statusCode();
            assertTrue(status == 400 || status == 404, escape + " answered " + status);
        }
        assertEquals(404, get("/thywill/app/nosuch/probe.js").statusCode());
        assertEquals(404, get("/nothing-here").statusCode());
    }

    private static void assertNoServerDetails(String what, HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("server").isEmpty(), what + " names the server");
        for (String leak : new String[] {"Jetty", "jetty", "Exception", "at org.", "Powered by", "12.1"}) {
            assertFalse(response.body().contains(leak), what + " leaks '" + leak + "': " + response.body());
        }
    }

    @Test
    void noReplyNamesTheServerOrItsVersion() throws Exception {
        for (String path : List.of("/thywill/init/", "/thywill/client/thywill.js", "/nothing-here",
                "/thywill/health", "/thywill/cometd")) {
            assertNoServerDetails(path, get(path));
        }
    }

    @Test
    void aMissingPageGetsAPlainPageOfOursAndAProgramGetsJson() throws Exception {
        HttpResponse<String> page = get("/nothing-here", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<title>Not Found</title>"), page.body());
        assertNoServerDetails("the 404 page", page);

        HttpResponse<String> json = get("/nothing-here", "Accept", "application/json");
        assertEquals(404, json.statusCode());
        assertTrue(json.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertEquals(Map.of("error", Map.of("status", 404L, "message", "Not Found")), TestJson.parse(json.body()));
    }

    @Test
    void bayeuxPathsAnswerErrorsInBayeuxShape() throws Exception {
        HttpResponse<String> get = get("/thywill/cometd", "Accept", "text/html"); // not a Bayeux transport
        assertEquals(400, get.statusCode());
        assertTrue(get.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertTrue(get.body().startsWith("[{") && get.body().contains("\"successful\":false"), get.body());
        assertNoServerDetails("GET on Bayeux", get);
    }

    @Test
    void aRequestJettyRefusesBeforeAnyServletGetsOurAnswerToo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /thywill/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertFalse(answer.contains("Jetty") || answer.contains("jetty") || answer.contains("Server:"), answer);
            // Jetty refuses it before reading the headers: the answer is our JSON, not its page.
            assertTrue(answer.contains("{\"error\":{") && answer.contains("nosniff"), answer);
        }
    }

    @Test
    void everyReplyForbidsSniffingAndFraming() throws Exception {
        for (String path : List.of("/thywill/init/", "/thywill/init/probe/", "/thywill/client/thywill.js",
                "/nothing-here", "/thywill/init/nosuch/", "/thywill/health")) {
            HttpResponse<String> response = get(path);
            assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElse(null), path);
            assertEquals("DENY", response.headers().firstValue("x-frame-options").orElse(null), path);
        }
    }

    @Test
    void anApplicationsPageForbidsPluginsAForeignBaseAndFraming() throws Exception {
        String policy = get("/thywill/init/probe/").headers().firstValue("content-security-policy").orElse("");
        for (String directive : List.of("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'")) {
            assertTrue(policy.contains(directive), () -> "the page's policy lacks " + directive + ": " + policy);
        }
    }
}
