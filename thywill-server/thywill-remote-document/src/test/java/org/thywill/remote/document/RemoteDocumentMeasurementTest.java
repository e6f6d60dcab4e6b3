package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.thywill.testing.TestJson;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * Measures, in headless Chromium on this machine, server-to-browser operations per second and the round trip of a
 * property read (see {@link LabApplication.BenchView}), with the default settings of the server and the library,
 * and prints them. Run alone with
 * {@code mvn -B -o -pl thywill-server/thywill-remote-document test -Dtest=RemoteDocumentMeasurementTest}.
 */
class RemoteDocumentMeasurementTest {

    @Test
    void operationsPerSecondAndReadRoundTrip() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("rd-lab").start();
             Browser page = Browser.open()) {
            page.load(URI.create(server.page("rd-lab") + "bench")).waitUntilConnected();
            String result = new WebDriverWait(page.driver(), Duration.ofSeconds(60)).until(d -> {
                String text = d.findElement(By.id("result")).getDomProperty("textContent");
                return text == null || text.isEmpty() ? null : text;
            });
            Map<?, ?> figures = (Map<?, ?>) TestJson.parse(result);
            System.out.println("Remote document measurement: " + result);
            assertTrue(((Number) figures.get("operationsPerSecond")).doubleValue() > 1000, result);
            assertTrue(((Number) figures.get("readMedianMs")).doubleValue() < 1000, result);
        }
    }
}
