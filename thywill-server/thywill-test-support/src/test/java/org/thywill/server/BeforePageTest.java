package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.ThywillTestServer;

/** An application's {@code beforePage} decides over HTTP, before the page is served, for every path under it. */
class BeforePageTest {

    private static ThywillTestServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("guarded").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = server.uri().resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeeperPathIsServedTheApplicationsPageWithItsPathInTheConfiguration() throws Exception {
        HttpResponse<String> page = get("/thywill/init/guarded/items/42");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("\"applicationId\":\"guarded\""), page.body());
        assertTrue(page.body().contains("\"path\":\"/items/42\""), page.body());
        assertTrue(page.headers().firstValue("set-cookie").orElseThrow().startsWith("thywill_session="));
    }

    @Test
    void theRootPageHasPathSlash() throws Exception {
        HttpResponse<String> page = get("/thywill/init/guarded/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("\"path\":\"/\""), page.body());
        assertEquals(200, get("/thywill/init/").statusCode(), "the default application still serves");
    }

    @Test
    void beforePageCanRefuseWith403And404() throws Exception {
        HttpResponse<String> forbidden = get("/thywill/init/guarded/forbidden");
        assertEquals(403, forbidden.statusCode());
        assertEquals("Not for you.", forbidden.body());
        HttpResponse<String> missing = get("/thywill/init/guarded/missing");
        assertEquals(404, missing.statusCode());
        assertEquals("No such page.", missing.body());
    }

    @Test
    void beforePageSeesTheQuery() throws Exception {
        assertEquals(403, get("/thywill/init/guarded/vip").statusCode());
        HttpResponse<String> admitted = get("/thywill/init/guarded/vip?pass=yes");
        assertEquals(200, admitted.statusCode());
        assertTrue(admitted.body().contains("\"path\":\"/vip\""));
    }

    @Test
    void beforePageCanRedirectWith302() throws Exception {
        HttpResponse<String> moved = get("/thywill/init/guarded/old");
        assertEquals(302, moved.statusCode());
        assertEquals("/thywill/init/guarded/new", moved.headers().firstValue("location").orElseThrow());
    }

    @Test
    void aFailingBeforePageIsAnswered500WithoutItsText() throws Exception {
        HttpResponse<String> broken = get("/thywill/init/guarded/broken");
        assertEquals(500, broken.statusCode());
        assertFalse(broken.body().contains("secret detail"), broken.body());
    }

    @Test
    void theApplicationsRenderedBodyIsInThePageAndSeesTheQuery() throws Exception {
        HttpResponse<String> page = get("/thywill/init/guarded/rendered?pass=yes");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<body>\n<p id=\"rendered\">Rendered with the pass</p>"), page.body());
        assertTrue(get("/thywill/init/guarded/rendered").body().contains("Rendered without the pass"));
    }

    @Test
    void aRenderThatFailsForTheBrowserShowsItsMessageEscapedOnA500Page() throws Exception {
        HttpResponse<String> page = get("/thywill/init/guarded/render-refused");
        assertEquals(500, page.statusCode());
        assertTrue(page.body().contains("<p data-status=\"500\">The list could not be read &lt;now&gt;.</p>"),
                page.body());
        assertFalse(page.body().contains("Exception"), page.body());
    }

    @Test
    void aRenderThatFailsOtherwiseIsAnswered500WithoutItsText() throws Exception {
        HttpResponse<String> page = get("/thywill/init/guarded/render-broken");
        assertEquals(500, page.statusCode());
        assertTrue(page.body().contains("This page could not be rendered."), page.body());
        assertFalse(page.body().contains("secret detail"), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
    }

    @Test
    void anIdWithoutTrailingSlashStillRedirectsAndUnsafePathsAre404() throws Exception {
        HttpResponse<String> bare = get("/thywill/init/guarded");
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("location").orElseThrow().endsWith("/thywill/init/guarded/"));
        assertEquals(404, get("/thywill/init/guarded/a%20b").statusCode());
        assertEquals(404, get("/thywill/init/nosuch/items/1").statusCode());
    }
}
