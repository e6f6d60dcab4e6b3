package org.thywill.apps.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The ticker page in a headless Chromium: Start fills the table, Stop stops it. */
class TickerPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("ticker").start();
    }

    @Test
    void startFillsTheTableWithRowsAndStopStopsThem() throws InterruptedException {
        try (Browser page = Browser.open()) {
            page.load(server.page("ticker"));
            page.waitUntilConnected();
            assertTrue(rows(page).isEmpty(), "Rows before Start");
            assertFalse(page.find("#stop").isEnabled(), "Stop before Start");

            page.find("#start").click();
            page.waitFor(d -> rows(page).size() >= 4);
            assertEquals("Receiving a price every second", page.find("#feed").getText());
            assertFalse(page.find("#start").isEnabled(), "Start while started");
            List<WebElement> shown = rows(page);
            for (WebElement row : shown) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                assertEquals(4, cells.size());
                assertTrue(cells.get(1).getText().matches("[A-Z]{3}"), "Symbol: " + cells.get(1).getText());
                assertTrue(cells.get(2).getText().matches("\\d+\\.\\d{2}"), "Price: " + cells.get(2).getText());
                assertTrue(cells.get(3).getText().matches("[+-]?\\d+\\.\\d{2}"), "Change: " + cells.get(3).getText());
            }
            page.screenshot(Path.of("target", "screenshots", "ticker.png"));

            page.find("#stop").click();
            page.waitFor(d -> "Stopped".equals(d.findElement(By.id("feed")).getText()));
            int stoppedAt = rows(page).size();
            Thread.sleep(2000);
            assertEquals(stoppedAt, rows(page).size(), "Rows kept coming after Stop");
        }
    }

    private static List<WebElement> rows(Browser page) {
        return page.driver().findElements(By.cssSelector("#rows tr"));
    }
}
