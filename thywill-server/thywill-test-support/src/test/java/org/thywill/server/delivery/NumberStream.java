package org.thywill.server.delivery;

import java.util.Map;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A stream of numbered session messages to the delivery probe's page in a browser: a server of its own, the page,
 * and the test client that asked the probe for them (it receives "sent {count}" once all are sent).
 *
 * @param server the server running the delivery probe
 * @param browser the browser on the probe's page
 * @param sender the client that asked for the stream
 */
public record NumberStream(ThywillTestServer server, Browser browser, TestClient sender) implements AutoCloseable {

    /**
     * Starts a server, loads the page, then has the probe send the page's session the numbers 1 to {@code count}.
     *
     * @param plainSender whether the sender is a plain CometD client, which acknowledges nothing
     * @param count how many numbers
     * @param pauseMillis the pause between two numbers
     * @return the stream, under way
     */
    public static NumberStream start(boolean plainSender, int count, int pauseMillis) {
        ThywillTestServer server = ThywillTestServer.withApplications("delivery").start();
        Browser browser = null;
        try {
            browser = Browser.openConnected(server.page("delivery"));
            TestClient sender = plainSender ? TestClient.connectPlain(server, "delivery", Transport.WEBSOCKET)
                    : TestClient.connect(server, "delivery", Transport.WEBSOCKET);
            String session = browser.driver().manage().getCookieNamed("thywill_session").getValue();
            sender.send(Map.of("cmd", "numbers", "session", session, "count", count, "pauseMillis", pauseMillis));
            return new NumberStream(server, browser, sender);
        } catch (RuntimeException | AssertionError e) {
            if (browser != null) {
                browser.close();
            }
            server.close();
            throw e;
        }
    }

    @Override
    public void close() {
        sender.close();
        browser.close();
        server.close();
    }
}
