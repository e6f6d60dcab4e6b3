package org.thywill.apps.calculations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The calculations page in headless Chromium: numbers typed, buttons clicked, answers shown. */
class CalculationsPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("calculations").start();
    }

    @Test
    void theServersAnswersAndErrorsAppearOnThePage() {
        try (Browser browser = Browser.open()) {
            browser.load(server.page("calculations")).waitUntilConnected();
            browser.waitFor(d -> d.findElement(By.cssSelector("button[data-function=divide]")).isEnabled());

            type(browser, "#a", "6");
            type(browser, "#b", "3");
            assertEquals("6 ÷ 3 = 2", press(browser, "divide", "ok"));
            assertEquals("6 × 3 = 18", press(browser, "multiply", "ok"));
            assertEquals("√6 = 2.44948974278", press(browser, "sqrt", "ok"));
            browser.waitFor(d -> d.findElement(By.id("count")).getText().equals("3"));

            type(browser, "#b", "0");
            String failed = press(browser, "divide", "failed");
            assertTrue(failed.startsWith("failed"), failed);
            assertTrue(failed.contains("the server log has the details"), failed);
            browser.screenshot(Path.of("target", "screenshots", "calculations-failed.png"));

            type(browser, "#b", "");
            assertTrue(press(browser, "add", "invalid-arguments").contains("argument 2 of add must be a number, not null"));

            browser.find("#reset").click();
            waitForCode(browser, "not-permitted");

            assertEquals("failed", browser.executeScript(
                    "return thywill.app.call('divide', [1, 0]).catch(e => e.code);"));
            assertEquals(4.0, ((Number) browser.executeScript("return thywill.app.call('add', [1.5, 2.5]);"))
                    .doubleValue());

            type(browser, "#a", "42");
            type(browser, "#b", "8");
            press(browser, "add", "ok");
            browser.screenshot(Path.of("target", "screenshots", "calculations.png"));
        }
    }

    @Test
    void aSlowCallPastItsTimeoutShowsTimedOut() {
        try (Browser browser = Browser.open()) {
            browser.load(server.page("calculations")).waitUntilConnected();
            browser.waitFor(d -> d.findElement(By.id("slow")).isEnabled());
            type(browser, "#a", "300");
            browser.find("#slow").click();
            browser.waitFor(d -> "ok".equals(result(browser).getDomAttribute("data-code")));
            assertEquals("waited (ms) = 300", result(browser).getText());

            type(browser, "#a", "5000");
            browser.find("#slow").click();
            waitForCode(browser, "timed-out");
        }
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private static WebElement result(Browser browser) {
        return browser.find("#result");
    }

    /** Clicks a function's button and returns the answer shown, once it has the expected code. */
    private static String press(Browser browser, String function, String code) {
        browser.executeScript("document.getElementById('result').removeAttribute('data-code');");
        browser.find("button[data-function=" + function + "]").click();
        waitForCode(browser, code);
        return result(browser).getText();
    }

    private static void waitForCode(Browser browser, String code) {
        browser.waitFor(d -> code.equals(result(browser).getDomAttribute("data-code")));
    }
}
