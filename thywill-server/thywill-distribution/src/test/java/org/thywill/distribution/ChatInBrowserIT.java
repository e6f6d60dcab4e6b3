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

/** The chat application of the packaged server, in two headless Chromium browsers: two people talking. */
class ChatInBrowserIT {

    @TempDir
    static Path folder;
    @AutoClose
    private static DistributionProcess server;

    @BeforeAll
    static void start() {
        int port = DistributionProcess.freePort();
        Path settings = DistributionProcess.writeSettings(folder, port, null, "");
        server = DistributionProcess.start(folder, settings, port, Map.of()).awaitServing();
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
        return Browser.openConnected(server.uri().resolve("/thywill/init/chat/"));
    }
}
