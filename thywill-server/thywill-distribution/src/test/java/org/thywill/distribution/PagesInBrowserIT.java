package org.thywill.distribution;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.thywill.testing.Browser;

/**
 * The distribution as a user first meets it: {@code java -jar thywill.jar} with the shipped config/thywill.yml
 * (only the address, database file and log file moved by environment variables), and its pages in headless
 * Chromium: the echo page, and the chat in two browsers, two people talking.
 */
class PagesInBrowserIT {

    @TempDir
    static Path folder;
    @AutoClose
    private static DistributionProcess server;

    @BeforeAll
    static void start() {
        int port = DistributionProcess.freePort();
        server = DistributionProcess.start(folder, null, port, Map.of(
                "THYWILL_SERVER_HOST", "127.0.0.1",
                "THYWILL_SERVER_PORT", String.valueOf(port),
                "THYWILL_DATABASE_FILE", folder.resolve("thywill").toString(),
                "THYWILL_LOG_FILE", folder.resolve("thywill.log").toString()));
        server.awaitServing();
    }

    @Test
    void whatIsTypedOnTheDefaultPageComesBackFromTheServer() {
        String text = "Hello from Chromium " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.openConnected(server.uri().resolve("/thywill/init/"))) {
            sendAndSee(browser, browser, "#replies li", text, "echo.png");
        }
    }

    @Test
    void aChatMessageTypedOnOnePageAppearsOnTheOther() {
        String text = "Hello from page one " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser one = openChat(); Browser two = openChat()) {
            sendAndSee(one, two, "#messages li.message .text", text, "chat.png");
        }
    }

    private static Browser openChat() {
        return Browser.openConnected(server.uri().resolve("/thywill/init/chat/"));
    }

    /**
     * Types the text in one page's {@code #text}, sends it, and waits until an element of the other page that
     * {@code shown} selects holds it; a screenshot of that page is kept whatever happens.
     */
    private static void sendAndSee(Browser from, Browser to, String shown, String text, String screenshot) {
        try {
            from.find("#text").sendKeys(text);
            from.find("#send").click();
            to.waitFor(d -> d.findElements(By.cssSelector(shown)).stream()
                    .anyMatch(element -> element.getText().equals(text)));
        } finally {
            to.screenshot(Screenshots.file(screenshot));
        }
    }
}
