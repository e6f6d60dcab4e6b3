package org.thywill.distribution;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.thywill.testing.Browser;

/** The chat application of the packaged server, in two headless Chromium browsers: two people talking. */
class ChatInBrowserIT {

    @TempDir
    static Path folder;
    private static DistributionProcess server;

    @BeforeAll
    static void start() {
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, null, "");
        server = DistributionProcess.start(folder, settings, port, Map.of()).awaitServing();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMessageTypedOnOnePageAppearsOnTheOther() {
        String text = "Hello from page one " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser one = open(); Browser two = open()) {
            try {
                one.find("#text").sendKeys(text);
                one.find("#send").click();
                two.waitFor(d -> d.findElements(By.cssSelector("#messages li.message .text")).stream()
                        .anyMatch(shown -> shown.getText().equals(text)));
            } finally {
                two.screenshot(Screenshots.file("chat.png"));
            }
        }
    }

    private static Browser open() {
        Browser browser = Browser.open();
        try {
            browser.load(server.uri().resolve("/thywill/init/chat/"));
            browser.waitUntilConnected();
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }
}
