package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The todo page in two headless Chromium browsers: what one does, the other sees. */
class TodoPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("todo").start();
    }

    @Test
    void anItemAddedOnOnePageAppearsOnTheOtherAndARemovalVanishesFromBoth() {
        try (Browser one = open(); Browser two = open()) {
            String markup = "Read <b>Dune</b>";
            for (String text : List.of("Buy milk", markup, "Water the plants")) {
                add(one, text);
                waitForItem(two, text);
            }
            WebElement shown = waitForItem(two, markup).findElement(By.cssSelector(".text"));
            assertEquals("Read &lt;b&gt;Dune&lt;/b&gt;", shown.getDomProperty("innerHTML"));
            assertTrue(shown.findElements(By.tagName("b")).isEmpty(), "The text was parsed as HTML");
            assertEquals(List.of("Buy milk", markup, "Water the plants"), texts(two));

            waitForItem(two, "Buy milk").findElement(By.cssSelector("button.remove")).click();
            one.waitFor(d -> !texts(one).contains("Buy milk"));
            two.waitFor(d -> !texts(two).contains("Buy milk"));
            assertEquals(List.of(markup, "Water the plants"), texts(one));
            one.screenshot(Path.of("target", "screenshots", "todo.png"));
        }
    }

    private static Browser open() {
        return Browser.openConnected(server.page("todo"), d -> !d.findElement(By.id("loadingBar")).isDisplayed());
    }

    private static void add(Browser page, String text) {
        page.find("#next").sendKeys(text);
        page.find("#add").click();
        waitForItem(page, text);
    }

    private static WebElement waitForItem(Browser page, String text) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#todo li.item")).stream()
                .filter(li -> text.equals(li.findElement(By.cssSelector(".text")).getDomProperty("textContent")))
                .findFirst().orElse(null));
    }

    private static List<String> texts(Browser page) {
        return page.driver().findElements(By.cssSelector("#todo li.item .text")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
    }
}
