package org.thywill.server.delivery;

import java.util.Map;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** A stream of numbered session messages from a test client to the delivery probe's page in a browser. */
public final class NumberStream {

    private NumberStream() {
    }

    /**
     * Loads the delivery probe's page, then has the probe send its session the numbers 1 to {@code count}.
     *
     * @param server a server running the delivery probe
     * @param browser the browser to load the page in
     * @param sender the client that asks the probe; it receives "sent {count}" once all are sent
     * @param count how many numbers
     * @param pauseMillis the pause between two numbers
     */
    public static void toPage(ThywillTestServer server, Browser browser, TestClient sender, int count,
                              int pauseMillis) {
        browser.load(server.page("delivery")).waitUntilConnected();
        String session = browser.driver().manage().getCookieNamed("thywill_session").getValue();
        sender.send(Map.of("cmd", "numbers", "session", session, "count", count, "pauseMillis", pauseMillis));
    }
}
