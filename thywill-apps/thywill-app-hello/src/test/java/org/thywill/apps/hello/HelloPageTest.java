package org.thywill.apps.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The hello page in headless Chromium: its counts survive a reload and every tab of the browser shares them. */
class HelloPageTest {

    private static void waitForText(Browser page, String css, String text) {
        page.waitFor(d -> text.equals(page.find(css).getText()));
    }

    @Test
    void theCountsSurviveAReloadAndTwoTabsShareThem() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("hello").start();
             Browser browser = Browser.open();
             Browser other = Browser.open()) {
            URI page = server.page("hello");
            browser.load(page).waitUntilConnected();
            assertEquals("1", browser.find("#visits").getText());
            assertEquals("time", browser.find("#times").getText());
            browser.find("#click").click();
            waitForText(browser, "#clicks", "1");

            browser.load(page);
            assertEquals("2", browser.find("#visits").getText(), "rendered by the server, before it connects");
            assertEquals("1", browser.find("#clicks").getText(), "the click survived the reload");
            browser.waitUntilConnected();
            String firstTab = browser.driver().getWindowHandle();

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.load(page).waitUntilConnected();
            assertEquals("3", browser.find("#visits").getText());
            browser.find("#click").click();
            waitForText(browser, "#clicks", "2");
            browser.screenshot(Path.of("target", "screenshots", "hello.png"));

            browser.driver().switchTo().window(firstTab);
            waitForText(browser, "#clicks", "2");
            waitForText(browser, "#visits", "3");
            assertEquals("times", browser.find("#times").getText());

            other.load(page).waitUntilConnected();
            assertEquals("1", other.find("#visits").getText(), "another browser has a session of its own");
            assertEquals("0", other.find("#clicks").getText());
        }
    }

    @Test
    void aDeeperPathIsNotAPage() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("hello").start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.page("hello").resolve("elsewhere")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode());
        }
    }
}
