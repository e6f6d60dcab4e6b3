package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The library in a real headless Chromium against a real server: every feature of the lab application. */
class LabPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("rd-lab").start();
    }

    private static Browser open(String route) {
        return Browser.openConnected(URI.create(server.page("rd-lab") + route));
    }

    private static void waitForText(Browser page, String css, String expected) {
        page.waitFor(d -> expected.equals(d.findElement(By.cssSelector(css)).getDomProperty("textContent")));
    }

    @Test
    void aReadReturnsWhatWasTypedWithoutBlocking() {
        try (Browser page = open("")) {
            page.find("#name").sendKeys("Ada <script>");
            page.find("#greet").click();
            waitForText(page, "#greeting", "Hello, Ada <script>");
        }
    }

    @Test
    void textIsSetAsTextAndHtmlOnlyThroughTheNamedCall() {
        try (Browser page = open("")) {
            page.find("#html").click();
            waitForText(page, "#plain", "<em>not parsed</em>");
            assertTrue(page.find("#plain").findElements(By.tagName("em")).isEmpty(), "text was parsed as HTML");
            assertEquals("trusted", page.find("#trusted em").getText());
        }
    }

    @Test
    void theBrowserRefusesScriptInABatchThatBypassedTheJavaChecks() {
        try (Browser page = open("raw")) {
            page.find("#raw-done");
            page.find("#raw-link").click();
            assertEquals(Boolean.TRUE, page.executeScript("return window.pwned === undefined"),
                    () -> "script ran: " + page.executeScript("return window.pwned"));
            assertEquals(Boolean.FALSE, page.executeScript(
                    "return [...document.scripts].some(s => s.textContent.includes('pwned'))"), "a script was added");
            assertEquals(Boolean.FALSE, page.executeScript("return document.querySelector('#raw-frame')"
                    + ".hasAttribute('srcdoc')"), "the trusted html operation makes the iframe, not its srcdoc");
            assertEquals(null, page.find("#raw-link").getDomAttribute("href"));
        }
    }

    @Test
    void aThousandElementsBuiltInOneBatchAppearInOneFrame() {
        try (Browser page = open("")) {
            page.find("#build");
            page.executeScript("window.seen = [];"
                    + "new MutationObserver(() => window.seen.push(document.querySelectorAll('#many li').length))"
                    + ".observe(remoteDocument.root, {childList: true, subtree: true});");
            page.find("#build").click();
            page.waitFor(d -> Long.valueOf(1000).equals(page.executeScript(
                    "return document.querySelectorAll('#many li').length")));
            // Other pages closing may update this page's count meanwhile: look at the first change that held items.
            List<?> seen = (List<?>) page.executeScript("return window.seen.filter(n => n > 0)");
            assertEquals(1000L, seen.get(0), () -> "The first change the page saw held " + seen.get(0)
                    + " of the 1,000 elements; every change held " + seen);
            assertTrue((Long) page.executeScript("return remoteDocument.stats.largestFrame") >= 3001L,
                    "one frame applied the whole batch (1,000 elements, their text, the list)");
            page.screenshot(java.nio.file.Path.of("target", "screenshots", "lab-1000.png"));
        }
    }

    @Test
    void debouncedInputSendsOnceAndKeyFilteringSendsOnlyTheNamedKey() {
        try (Browser page = open("")) {
            page.find("#search").sendKeys("milk");
            waitForText(page, "#searched", "milk after 1 event(s)");
            page.find("#enter").sendKeys("abc");
            page.find("#enter").sendKeys(org.openqa.selenium.Keys.ENTER);
            waitForText(page, "#entered", "Enter: abc");
        }
    }

    @Test
    void aTimerReplaysARecordedBlockInTheBrowserUntilTheServerStopsIt() throws InterruptedException {
        try (Browser page = open("")) {
            page.find("#timer").click();
            waitForText(page, "#ticks-done", "3");
            int after = page.driver().findElements(By.cssSelector("#ticks li.tick")).size();
            Thread.sleep(500);
            int later = page.driver().findElements(By.cssSelector("#ticks li.tick")).size();
            assertTrue(after >= 3 && after <= 6, "ticks when stopped: " + after);
            assertEquals(after, later, "the timer went on after it was stopped");
        }
    }

    @Test
    void routesSwitchWithoutReloadChecksRefuseAndRedirectAndBackWorks() {
        try (Browser page = open("")) {
            page.executeScript("window.notReloaded = true");
            page.find("#to-item").click();
            waitForText(page, "#item", "Item 7");
            assertTrue(page.driver().getCurrentUrl().endsWith("/thywill/init/rd-lab/items/7"),
                    "a route is a real path: " + page.driver().getCurrentUrl());
            assertEquals("Item 7", page.driver().getTitle());

            page.driver().navigate().back();
            page.find("#to-private").click();
            WebElement refused = page.find("[data-status]");
            assertEquals("403", refused.getDomAttribute("data-status"));
            assertTrue(refused.getText().contains("Item 13 is private."), refused.getText());

            page.driver().navigate().back();
            page.find("#to-zero").click();
            page.waitFor(d -> d.getCurrentUrl().endsWith("/thywill/init/rd-lab/"));
            page.find("#navigate").click();
            waitForText(page, "#item", "Item 5");
            assertTrue(page.driver().getCurrentUrl().endsWith("/thywill/init/rd-lab/items/5"),
                    page.driver().getCurrentUrl());
            page.driver().navigate().back();
            page.find("#build");
            assertEquals(Boolean.TRUE, page.executeScript("return window.notReloaded === true"),
                    "the page reloaded");
        }
    }

    @Test
    void anAddressWithARouteStartsOnThatRouteAndAnUnknownOneIsRefused() {
        try (Browser page = open("items/42")) {
            waitForText(page, "#item", "Item 42");
            page.executeScript("window.notReloaded = true");
            page.find("#home").click();
            page.find("#build");
            page.driver().navigate().back();
            waitForText(page, "#item", "Item 42");
            assertEquals(Boolean.TRUE, page.executeScript("return window.notReloaded === true"),
                    "the page reloaded");
        }
        try (Browser page = Browser.open()) {
            page.load(URI.create(server.page("rd-lab") + "nowhere"));
            assertEquals("404", page.find("[data-status]").getDomAttribute("data-status"));
        }
    }

    @Test
    void theChecksBeforeARouteAnswerOverHttpBeforeThePageIsServed() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertEquals(200, status(http, "items/42").statusCode());
        HttpResponse<String> refused = status(http, "items/13");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Item 13 is private."), refused.body());
        assertEquals(404, status(http, "nowhere").statusCode());
        HttpResponse<String> redirected = status(http, "items/0");
        assertEquals(302, redirected.statusCode());
        assertEquals("/thywill/init/rd-lab/", redirected.headers().firstValue("location").orElseThrow());
    }

    private static HttpResponse<String> status(HttpClient http, String route) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.page("rd-lab") + route)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenDocumentCountIsUpdatedInEveryPage() {
        // A server of its own, so that no page of another test is still counted.
        ThywillTestServer own = ThywillTestServer.withApplications("rd-lab").start();
        try (Browser one = Browser.open()) {
            one.load(own.page("rd-lab")).waitUntilConnected();
            waitForText(one, "#count", "1");
            try (Browser two = Browser.open()) {
                two.load(own.page("rd-lab")).waitUntilConnected();
                waitForText(two, "#count", "2");
                waitForText(one, "#count", "2");
            }
            waitForText(one, "#count", "1");
        } finally {
            own.close();
        }
    }

    @Test
    void everythingWorksOverLongPollingToo() {
        ThywillTestServer polling = ThywillTestServer.withApplications("rd-lab")
                .set("clientInterface", "websocket", false).start();
        try (Browser page = Browser.open()) {
            page.load(polling.page("rd-lab")).waitUntilConnected();
            page.find("#name").sendKeys("Grace");
            page.find("#greet").click();
            waitForText(page, "#greeting", "Hello, Grace");
            page.find("#to-item").click();
            waitForText(page, "#item", "Item 7");
            assertTrue(page.driver().getCurrentUrl().endsWith("/thywill/init/rd-lab/items/7"),
                    "a route is a real path: " + page.driver().getCurrentUrl());
        } finally {
            polling.close();
        }
    }
}
