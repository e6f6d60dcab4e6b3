package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * Views rendered on the server first (pycommunicate's {@code View.render()}): the page carries the view's HTML, is
 * readable without JavaScript, and the runtime then attaches to the rendered elements instead of building them again.
 */
class ServerRenderingTest {

    /** Before any page script runs: keeps the rendered elements and counts every element removed from the view. */
    private static final String WATCH = """
            document.addEventListener('DOMContentLoaded', () => {
                window.readableAt = performance.now();
                window.rendered = [...document.querySelectorAll('[data-remote-document-root] *')];
                window.removed = 0;
                new MutationObserver(records => records.forEach(r => window.removed +=
                        [...r.removedNodes].filter(n => n.nodeType === Node.ELEMENT_NODE).length))
                    .observe(document.querySelector('[data-remote-document-root]'), {childList: true, subtree: true});
                new MutationObserver(() => window.liveAt = window.liveAt || performance.now())
                    .observe(document.querySelector('#items') || document.body, {attributeFilter: ['data-live']});
            });
            """;

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("rd-render").start();
    }

    private static HttpResponse<String> get(String route) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.page("rd-render") + route))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Browser watched(String route) {
        Browser browser = Browser.open();
        try {
            browser.onEveryPage(WATCH).load(URI.create(server.page("rd-render") + route));
            browser.waitUntilConnected();
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    @Test
    void thePageServedOverPlainHttpCarriesTheRenderedViewEscaped() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<div data-remote-document-root data-rendered=\""), body);
        assertTrue(body.contains("<h1 id=\"heading\">Rendered</h1>"), body);
        assertTrue(body.contains("<li data-id=\"1\"><span class=\"text\">First &lt;b&gt;item&lt;/b&gt;</span>"), body);
        assertTrue(body.contains("<li data-id=\"2\"><span class=\"text\">Second</span>"), body);
    }

    @Test
    void thePageIsReadableWithJavaScriptOff() {
        try (Browser page = Browser.withoutJavaScript()) {
            page.load(URI.create(server.page("rd-render") + ""));
            List<String> texts = page.driver().findElements(By.cssSelector("#items li .text")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("First <b>item</b>", "Second"), texts);
            assertEquals(Boolean.TRUE, page.executeScript("return window.thywillConfig === undefined"),
                    "the page's inline script ran: JavaScript was not off");
        }
    }

    @Test
    void theRuntimeAttachesToTheRenderedElementsInsteadOfBuildingThemAgain() {
        try (Browser page = watched("")) {
            page.waitFor(d -> d.findElements(By.id("added-live")).size() == 1);
            assertEquals(1L, page.executeScript("return document.querySelectorAll('#items').length"));
            assertEquals(3L, page.executeScript("return document.querySelectorAll('#items li').length"),
                    "the two rendered items and the one added live, no duplicates");
            assertEquals(0L, page.executeScript("return window.removed"), "rendered elements were removed");
            assertEquals(Boolean.TRUE, page.executeScript("return window.rendered.length > 0"
                    + " && window.rendered.every(e => e.isConnected)"), "the rendered nodes were replaced");
            assertEquals(Boolean.TRUE, page.executeScript("return [...document.querySelectorAll('li[data-id]')]"
                    + ".every(li => li.dataset.live === 'yes' && window.rendered.includes(li))"),
                    "the live changes went to the rendered elements");
            // What the page would have shown blank before: from readable (the HTML parsed) to live (attached).
            System.out.printf("Server rendering: readable at %.0f ms, live at %.0f ms after navigation%n",
                    ((Number) page.executeScript("return window.readableAt")).doubleValue(),
                    ((Number) page.executeScript("return window.liveAt")).doubleValue());
        }
    }

    @Test
    void theAttachedElementsAreUpdatedLive() {
        try (Browser page = watched("")) {
            page.waitFor(d -> d.findElements(By.id("added-live")).size() == 1);
            page.find("li[data-id='1'] .shout").click();
            page.waitFor(d -> d.findElement(By.cssSelector("li[data-id='1'] .text")).getText()
                    .equals("FIRST <B>ITEM</B>"));
            assertEquals(0L, page.executeScript("return window.removed"));
        }
    }

    @Test
    void aViewThatChangedSinceThePageWasRenderedReplacesTheStaleHtmlOnce() {
        try (Browser page = watched("fresh")) {
            page.waitFor(d -> d.findElements(By.id("added-live")).size() == 1);
            String renders = page.find("#renders").getText();
            assertFalse(renders.isEmpty() || renders.equals("0"), renders);
            int shown = Integer.parseInt(renders);
            assertEquals(1L, page.executeScript("return document.querySelectorAll('#items').length"));
            assertEquals(3L, page.executeScript("return document.querySelectorAll('#items li').length"));
            assertTrue(shown >= 2, "the page shows the render made when it connected, not the first: " + shown);
        }
    }

    @Test
    void aRouteOpenedWithoutReloadIsRenderedOnTheServerToo() {
        try (Browser page = watched("")) {
            page.waitFor(d -> d.findElements(By.id("added-live")).size() == 1);
            page.find("#other").click();
            page.waitFor(d -> d.findElements(By.cssSelector("#other-heading[data-live='yes']")).size() == 1);
            assertEquals("Other <page>", page.find("#other-heading").getText());
            assertEquals(0L, page.executeScript("return document.querySelectorAll('#items').length"));
        }
    }

    @Test
    void aTemplateThatFailsAnswersAnErrorPageNamingTheTemplateAndLine() throws Exception {
        HttpResponse<String> page = get("broken");
        assertEquals(500, page.statusCode());
        assertTrue(page.body().contains("The template templates/rd-render/broken.mustache failed at line 3: Failed to"
                + " get value for explode</p>"), page.body());
        assertFalse(page.body().contains("org.thywill"), "a Java class reached the browser: " + page.body());
        assertFalse(page.body().contains("secret detail"), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
        assertFalse(page.body().contains("at org."), page.body());
    }

    @Test
    void aTemplateThatFailsWhenTheViewChangesShowsTheSameMessage() {
        try (Browser page = watched("")) {
            page.waitFor(d -> d.findElements(By.id("added-live")).size() == 1);
            page.executeScript("history.pushState(null, '', './broken'); dispatchEvent(new PopStateEvent('popstate'))");
            page.waitFor(d -> d.findElements(By.cssSelector("[data-status='500']")).size() == 1);
            String shown = page.find("[data-status='500']").getText();
            assertTrue(shown.contains("templates/rd-render/broken.mustache failed at line 3"), shown);
            assertFalse(shown.contains("secret"), shown);
        }
    }

    @Test
    void aMissingTemplateStopsTheApplicationsStartNamingIt() throws Exception {
        TemplateException e = assertThrows(TemplateException.class,
                () -> new MissingTemplateApplication().start(new FakeContext().context));
        assertEquals("templates/rd-render/nowhere.mustache", e.template());
        assertEquals("The template templates/rd-render/nowhere.mustache failed: there is no such file in the"
                + " application's jar", e.getMessage());
        try (ThywillTestServer both = ThywillTestServer.withApplications("rd-render", "rd-missing").start()) {
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(404, http.send(HttpRequest.newBuilder(both.page("rd-missing")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the application without its template runs");
            assertEquals(200, http.send(HttpRequest.newBuilder(both.page("rd-render")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the other application stopped too");
        }
    }

    @Test
    void aTemplateThatDoesNotCompileStopsTheStartNamingItsLine() {
        Templates templates = new Templates(getClass().getClassLoader(), "templates/rd-render");
        TemplateException e = assertThrows(TemplateException.class, () -> templates.require(List.of("unclosed.mustache")));
        assertEquals("templates/rd-render/unclosed.mustache", e.template());
        assertEquals(2, e.line(), e.getMessage());
    }
}
