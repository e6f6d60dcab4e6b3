package org.thywill.apps.webalchemy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The demo in two headless Chromium pages: what one page does to the count shows in the other. */
class WebalchemyDemoPageTest {

    private static void waitForText(Browser page, String css, String expected) {
        page.waitFor(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    @Test
    void paragraphsMoveOnATimerAndEveryPageCountsTheOpenDocuments() throws InterruptedException {
        try (ThywillTestServer server = ThywillTestServer.withApplications("webalchemy-demo").start();
             Browser one = Browser.open()) {
            one.load(server.page("webalchemy-demo")).waitUntilConnected();
            waitForText(one, "#documents", "total documents open: 1");

            try (Browser two = Browser.open()) {
                two.load(server.page("webalchemy-demo")).waitUntilConnected();
                waitForText(two, "#documents", "total documents open: 2");
                waitForText(one, "#documents", "total documents open: 2");

                waitForText(two, "#moving", "New paragraph #2");
                WebElement moving = two.find("#moving");
                assertEquals("100px", moving.getCssValue("left"));
                assertEquals("absolute", moving.getCssValue("position"));
                waitForText(two, "#paragraphs", "there are now 3 paragraphs");
                two.waitFor(d -> !d.findElements(By.cssSelector("p.smile")).isEmpty());
                waitForText(two, "#moving", "New paragraph #3");
                two.screenshot(Path.of("target", "screenshots", "webalchemy-demo.png"));
            }
            waitForText(one, "#documents", "total documents open: 1");

            // webalchemy stops both timers once the count passes 5: the seventh paragraph is the last.
            new WebDriverWait(one.driver(), Duration.ofSeconds(20)).until(d -> "New paragraph #7".equals(
                    d.findElement(By.id("moving")).getText()));
            int smiles = one.driver().findElements(By.cssSelector("p.smile")).size();
            Thread.sleep(3000);
            assertEquals("New paragraph #7", one.find("#moving").getText());
            assertEquals(smiles, one.driver().findElements(By.cssSelector("p.smile")).size(),
                    "the browser went on replaying the block after the server stopped its timer");
            assertEquals(1, one.driver().findElements(By.cssSelector("p.moving")).size(),
                    "the previous paragraph is removed as each new one appears");
        }
    }
}
