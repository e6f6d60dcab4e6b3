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
 * (only the address, database file and log file moved by environment variables), and the echo page in Chromium.
 */
class EchoInBrowserIT {

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
        try (Browser browser = Browser.open()) {
            try {
                browser.load(server.uri().resolve("/thywill/init/"));
                browser.waitUntilConnected();
                browser.find("#text").sendKeys(text);
                browser.find("#send").click();
                browser.waitFor(d -> d.findElements(By.cssSelector("#replies li")).stream()
                        .anyMatch(li -> li.getText().equals(text)));
            } finally {
                browser.screenshot(Screenshots.file("echo.png"));
            }
        }
    }
}
