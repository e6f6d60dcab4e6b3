package org.thywill.apps.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The chat page in two headless Chromium browsers, each a person of its own. */
class ChatPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        // A grace long enough that a reload on a loaded machine is never taken for a departure.
        server = ThywillTestServer.withApplications("chat").set("push", "presenceGrace", "30s").start();
    }

    @Test
    void whatOnePageSendsAppearsOnTheOtherAsPlainText() {
        try (Browser one = open(); Browser two = open()) {
            rename(one, "Alice");
            waitForOnline(two, "Alice");
            rename(two, "Bob");
            waitForOnline(one, "Bob");

            say(one, "Hello from page one");
            WebElement hello = waitForMessage(two, "Hello from page one");
            assertEquals("Alice", hello.findElement(By.cssSelector(".from")).getText());

            String markup = "<b>x</b>";
            say(one, markup);
            for (Browser page : List.of(two, one)) {
                WebElement shown = waitForMessage(page, markup).findElement(By.cssSelector(".text"));
                assertEquals(markup, shown.getDomProperty("textContent"));
                assertEquals("&lt;b&gt;x&lt;/b&gt;", shown.getDomProperty("innerHTML"));
                assertTrue(shown.findElements(By.tagName("b")).isEmpty(), "The text was parsed as HTML");
            }
            assertTrue(waitForMessage(one, markup).getDomAttribute("class").contains("mine"));

            say(two, "Hi Alice, nice to see you");
            waitForMessage(one, "Hi Alice, nice to see you");
            one.screenshot(Path.of("target", "screenshots", "chat.png"));
        }
    }

    @Test
    void aPageReloadedMidConversationLosesNothingAndShowsNothingTwice() throws Exception {
        int count = 20;
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            said.add("line " + i);
        }
        try (Browser page = open();
             TestClient speaker = TestClient.connect(server, "chat", Transport.WEBSOCKET)) {
            // What the page handled before it reloads is recorded where a reload keeps it.
            page.executeScript("sessionStorage.setItem('test.seen', '[]');"
                    + "thywill.app.onMessage((data, meta) => {"
                    + "  if (meta.channel === 'room' && data.text) {"
                    + "    const seen = JSON.parse(sessionStorage.getItem('test.seen'));"
                    + "    seen.push(data.text);"
                    + "    sessionStorage.setItem('test.seen', JSON.stringify(seen));"
                    + "  }"
                    + "});");
            CompletableFuture<Void> talking = CompletableFuture.runAsync(() -> {
                for (String line : said) {
                    speaker.send(Map.of("text", line));
                    pause(100);
                }
            });
            page.waitFor(d -> page.executeScript("return JSON.parse(sessionStorage.getItem('test.seen')).length >= 3")
                    .equals(Boolean.TRUE));
            page.executeScript("location.reload()");
            talking.get(60, TimeUnit.SECONDS);
            page.waitUntilConnected();
            waitForMessage(page, "line " + count);
            pause(1000); // a duplicate would arrive about now

            @SuppressWarnings("unchecked")
            List<String> beforeReload = (List<String>) page.executeScript(
                    "return JSON.parse(sessionStorage.getItem('test.seen'))");
            List<String> afterReload = page.driver().findElements(By.cssSelector("#messages li.message .text"))
                    .stream().map(e -> e.getDomProperty("textContent")).toList();
            assertTrue(afterReload.size() < count, "The page did not reload: " + afterReload);
            // What the page handled before the reload, then what the reloaded page shows: each line once.
            List<String> everything = new ArrayList<>(beforeReload);
            everything.addAll(afterReload);
            assertEquals(said, everything, "Before the reload " + beforeReload + ", after it " + afterReload);
            page.screenshot(Path.of("target", "screenshots", "chat-after-reload.png"));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Browser open() {
        return Browser.openConnected(server.page("chat"), d -> d.findElement(By.id("me")).getText().startsWith("Guest "));
    }

    private static void rename(Browser page, String name) {
        page.find("#name").sendKeys(name);
        page.find("#rename").click();
        page.waitFor(d -> name.equals(d.findElement(By.id("me")).getText()));
    }

    private static void waitForOnline(Browser page, String name) {
        page.waitFor(d -> d.findElements(By.cssSelector("#online li")).stream()
                .anyMatch(li -> li.getText().startsWith(name)));
    }

    private static void say(Browser page, String text) {
        page.find("#text").sendKeys(text);
        page.find("#send").click();
    }

    private static WebElement waitForMessage(Browser page, String text) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#messages li.message")).stream()
                .filter(li -> text.equals(li.findElement(By.cssSelector(".text")).getDomProperty("textContent")))
                .findFirst().orElse(null));
    }
}
