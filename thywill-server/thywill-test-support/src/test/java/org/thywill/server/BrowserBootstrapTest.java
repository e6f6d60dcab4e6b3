package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** The bootstrap sequence in a real browser: scripts, connection, messages, and errors reported to the server log. */
class BrowserBootstrapTest {

    @Test
    void thePageConnectsExchangesMessagesAndReportsItsUncaughtErrorsToTheServerLog() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start();
             Browser browser = Browser.open()) {
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            Logger browserLog = (Logger) LoggerFactory.getLogger("thywill.browser");
            browserLog.addAppender(log);
            try {
                browser.load(server.page("probe")).waitUntilConnected();
                assertEquals(Boolean.TRUE, browser.executeScript("return window.probeLoaded === true"),
                        "the application's script ran");

                browser.executeScript("window.received = [];"
                        + "thywill.app.onMessage(d => window.received.push(d));"
                        + "thywill.app.send({cmd: 'echo', data: {round: 'trip', n: [1, 2]}});");
                browser.waitFor(d -> ((List<?>) browser.executeScript("return window.received")).size() == 1);
                assertEquals(List.of(Map.of("round", "trip", "n", List.of(1L, 2L))),
                        browser.executeScript("return window.received"));

                String marker = UUID.randomUUID().toString();
                browser.executeScript("window.probeThrow('probe failure " + marker + "');");
                browser.waitFor(d -> log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(marker)));
                String line = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.contains(marker)).findFirst().orElseThrow();
                assertTrue(line.contains("page=/thywill/init/probe/"), line);
                assertTrue(line.contains("probe.js"), "the report names the script that failed: " + line);
                browser.screenshot(Path.of("target/screenshots/probe.png"));
            } finally {
                browserLog.detachAppender(log);
            }
        }
    }

    @Test
    void aBrowserTabAndAJavaClientOfTheSameSessionBothReceiveASessionMessage() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start();
             Browser browser = Browser.open()) {
            browser.load(server.page("probe")).waitUntilConnected();
            browser.executeScript("window.received = []; thywill.app.onMessage(d => window.received.push(d));");
            String cookie = browser.driver().manage().getCookieNamed("thywill_session").getValue();
            try (TestClient tab = TestClient.connect(server.uri(), "probe", TestClient.Transport.WEBSOCKET,
                    org.eclipse.jetty.http.HttpCookie.from("thywill_session", cookie))) {
                tab.send(Map.of("cmd", "toSession", "data", "both tabs"));
                assertEquals("both tabs", tab.nextMessage());
                browser.waitFor(d -> ((List<?>) browser.executeScript("return window.received")).size() == 1);
                assertEquals(List.of("both tabs"), browser.executeScript("return window.received"));
            }
        }
    }
}
