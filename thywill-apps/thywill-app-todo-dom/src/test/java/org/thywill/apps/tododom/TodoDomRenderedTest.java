package org.thywill.apps.tododom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The list rendered on the server from the database: readable over plain HTTP and with JavaScript off, then live. */
class TodoDomRenderedTest {

    /** Counts the elements removed from the list, from before the page's scripts run. */
    private static final String WATCH = """
            document.addEventListener('DOMContentLoaded', () => {
                window.rendered = [...document.querySelectorAll('#todo li')];
                window.removed = 0;
                new MutationObserver(records => records.forEach(r => window.removed +=
                        [...r.removedNodes].filter(n => n.nodeType === Node.ELEMENT_NODE).length))
                    .observe(document.querySelector('#todo'), {childList: true, subtree: true});
            });
            """;

    private static final String MARKUP = "<b>bold</b> & <script>x</script>";

    private static void add(Browser page, String text) {
        int before = page.driver().findElements(By.cssSelector("#todo li")).size();
        page.find("#next").sendKeys(text + Keys.ENTER);
        page.waitFor(d -> d.findElements(By.cssSelector("#todo li")).size() == before + 1);
    }

    private static List<String> texts(Browser page) {
        return page.driver().findElements(By.cssSelector("#todo li .text")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
    }

    @Test
    void theListIsInThePageBeforeItConnectsAndIsThenReusedLive() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").start();
             Browser one = Browser.open()) {
            one.load(server.page("todo-dom")).waitUntilConnected();
            add(one, "Buy milk");
            add(one, MARKUP);
            one.find("#todo li .toggle").click();
            one.waitFor(d -> d.findElement(By.cssSelector("#todo li")).getDomAttribute("class").contains("done"));

            String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.page("todo-dom")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(html.contains("<li id=\"todo-1\" class=\"item done\"><input type=\"checkbox\" class=\"toggle\""
                    + " aria-label=\"Done\" checked><a class=\"text\" href=\"./items/1\">Buy milk</a>"), html);
            assertTrue(html.contains(">&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</a>"), html);
            assertTrue(html.contains("<p id=\"summary\" class=\"summary\">2 todos</p>"), html);
            assertTrue(html.contains("class=\"empty hidden\""), html);

            try (Browser off = Browser.withoutJavaScript()) {
                off.load(server.page("todo-dom"));
                assertEquals(List.of("Buy milk", MARKUP), texts(off));
                assertFalse(off.find("#empty").isDisplayed(), "the empty-list note shows beside two items");
                assertEquals("2 todos", off.find("#summary").getText());
            }

            try (Browser two = Browser.open()) {
                two.onEveryPage(WATCH).load(server.page("todo-dom")).waitUntilConnected();
                add(one, "Walk the dog");
                two.waitFor(d -> d.findElements(By.cssSelector("#todo li")).size() == 3);
                assertEquals(List.of("Buy milk", MARKUP, "Walk the dog"), texts(two));
                assertEquals(0L, two.executeScript("return window.removed"), "rendered items were built again");
                assertEquals(Boolean.TRUE, two.executeScript("return window.rendered.length === 2"
                        + " && window.rendered.every(li => li.isConnected)"));

                WebElement milk = two.find("#todo-1");
                assertTrue(milk.findElement(By.cssSelector(".toggle")).isSelected());
                milk.findElement(By.cssSelector(".toggle")).click();
                one.waitFor(d -> !d.findElement(By.id("todo-1")).getDomAttribute("class").contains("done"));
                two.find("#todo-1 .remove").click();
                one.waitFor(d -> d.findElements(By.cssSelector("#todo li")).size() == 2);
                assertEquals("2 todos", one.find("#summary").getText());
            }
        }
    }
}
