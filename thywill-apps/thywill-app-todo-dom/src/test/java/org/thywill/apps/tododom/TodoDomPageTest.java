package org.thywill.apps.tododom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The todo list in two headless Chromium pages: what one does, the other shows; and the database keeps it. */
class TodoDomPageTest {

    private static Browser open(ThywillTestServer server, String route) {
        return Browser.openConnected(URI.create(server.page("todo-dom") + route));
    }

    private static WebElement item(Browser page, String text) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#todo li")).stream()
                .filter(li -> text.equals(li.findElement(By.cssSelector(".text")).getDomProperty("textContent")))
                .findFirst().orElse(null));
    }

    private static void add(Browser page, String text) {
        page.find("#next").sendKeys(text + Keys.ENTER);
        item(page, text);
    }

    @Test
    void whatOnePageDoesTheOtherShowsAtOnce() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").start();
             Browser one = open(server, "");
             Browser two = open(server, "")) {
            assertTrue(two.find("#empty").isDisplayed());
            add(one, "Buy milk");
            WebElement milk = item(two, "Buy milk");
            assertTrue(!two.find("#empty").isDisplayed(), "the empty-list note stays after an item arrived");
            assertEquals("", one.find("#next").getDomProperty("value"), "the input is emptied after adding");

            String markup = "<b>bold</b> & <script>x</script>";
            add(two, markup);
            WebElement shown = item(one, markup).findElement(By.cssSelector(".text"));
            assertEquals(markup, shown.getDomProperty("textContent"));
            assertTrue(shown.findElements(By.tagName("b")).isEmpty(), "the text was parsed as HTML");

            add(one, "Walk the dog");
            milk.findElement(By.cssSelector(".toggle")).click();
            one.waitFor(d -> item(one, "Buy milk").getDomAttribute("class").contains("done"));
            assertTrue(item(one, "Buy milk").findElement(By.cssSelector(".toggle")).isSelected(),
                    "the other page's checkbox is ticked too");
            two.find("#next").sendKeys("   " + Keys.ENTER);
            two.waitFor(d -> "Type something to do first.".equals(d.findElement(By.id("problem")).getText()));
            one.screenshot(Path.of("target", "screenshots", "todo-dom-list.png"));

            item(one, markup).findElement(By.cssSelector(".remove")).click();
            two.waitFor(d -> d.findElements(By.cssSelector("#todo li")).size() == 2);
            assertEquals("2 todos", two.find("#summary").getText());
        }
    }

    @Test
    void anItemHasAPageOfItsOwnReachedWithoutReload() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").start();
             Browser one = open(server, "");
             Browser two = open(server, "")) {
            add(one, "Write the report");
            one.executeScript("window.notReloaded = true");
            item(one, "Write the report").findElement(By.cssSelector(".text")).click();
            one.waitFor(d -> d.getCurrentUrl().matches(".*/thywill/init/todo-dom/items/\\d+"));
            String itemAddress = one.driver().getCurrentUrl();
            WebElement edit = one.find("#edit");
            assertEquals("Write the report", edit.getDomProperty("value"));
            one.screenshot(Path.of("target", "screenshots", "todo-dom-item.png"));
            edit.clear();
            edit.sendKeys("Write the final report");
            one.find("#save").click();

            item(two, "Write the final report");
            item(one, "Write the final report");
            assertTrue(one.driver().getCurrentUrl().endsWith("/thywill/init/todo-dom/"), one.driver().getCurrentUrl());
            assertEquals(Boolean.TRUE, one.executeScript("return window.notReloaded === true"), "the page reloaded");

            two.load(URI.create(itemAddress)).waitUntilConnected();
            two.waitFor(d -> "Write the final report".equals(d.findElement(By.id("edit")).getDomProperty("value")));

            HttpRequest unknown = HttpRequest.newBuilder(URI.create(server.page("todo-dom") + "items/999999")).build();
            HttpResponse<String> missing = HttpClient.newHttpClient().send(unknown,
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode(), "an unknown item is a real 404");
            assertTrue(missing.body().contains("There is no todo #999999"), missing.body());
            two.driver().get(server.page("todo-dom") + "items/999999");
            assertEquals("404", two.find("[data-status]").getDomAttribute("data-status"));
            assertTrue(two.find("[data-status]").getText().contains("There is no todo #999999"));
        }
    }

    @Test
    void itemsAreKeptInTheDatabaseAcrossARestart() throws Exception {
        Path home = Files.createTempDirectory("todo-dom-");
        try (ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").home(home)
                .set("database", "file", "data/todo").start();
             Browser page = open(server, "")) {
            add(page, "Survive a restart");
            item(page, "Survive a restart").findElement(By.cssSelector(".toggle")).click();
            page.waitFor(d -> item(page, "Survive a restart").getDomAttribute("class").contains("done"));
        }
        try (ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").home(home)
                .set("database", "file", "data/todo").start();
             Browser page = open(server, "")) {
            WebElement kept = item(page, "Survive a restart");
            assertTrue(kept.getDomAttribute("class").contains("done"), kept.getDomAttribute("class"));
        }
    }
}
