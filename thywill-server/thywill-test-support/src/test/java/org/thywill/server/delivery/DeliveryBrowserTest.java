package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thywill.server.delivery.DeliveryTest.normalise;
import static org.thywill.server.delivery.DeliveryTest.range;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thywill.server.operations.Scrape;
import org.thywill.testing.Browser;
import org.thywill.testing.fixtures.TcpProxy;
import org.thywill.testing.ThywillTestServer;

/**
 * The browser library across a page reload in the middle of a stream of session messages (none lost, none twice),
 * and across a network cut while the page sends (accepted once, after the reconnection).
 */
class DeliveryBrowserTest {

    @Test
    void aPageReloadedMidStreamHandlesEveryMessageOnceInOrder() {
        int count = 150;
        try (NumberStream stream = NumberStream.start(false, count, 10)) {
            Browser browser = stream.browser();
            browser.waitFor(d -> received(browser).size() >= 30);
            browser.driver().navigate().refresh();
            browser.waitUntilConnected();
            browser.waitFor(d -> received(browser).size() >= count);
            assertEquals("sent " + count, stream.sender().nextMessage());
            assertEquals(range(count), normalise(received(browser)));
        }
    }

    @Test
    void aSendDuringANetworkCutIsAcceptedOnceAfterTheReconnection() throws Exception {
        String text = "sent during the cut";
        try (ThywillTestServer server = ThywillTestServer.withApplications("delivery").start();
             TcpProxy network = TcpProxy.to(new InetSocketAddress("127.0.0.1", server.port()));
             Browser browser = Browser.open()) {
            // The browser reaches the server only through the proxy: cutting it is the network going down.
            browser.load(URI.create("http://127.0.0.1:" + network.port() + "/thywill/init/delivery/"))
                    .waitUntilConnected();
            network.cut();
            browser.waitFor(d -> !"connected".equals(browser.executeScript("return thywill.state")));
            browser.executeScript("window.sent = 'pending'; thywill.app.send('" + text + "')"
                    + ".then(() => window.sent = 'accepted', e => window.sent = 'refused: ' + e.message);");
            Thread.sleep(1500);
            assertEquals("pending", browser.executeScript("return window.sent"), "nothing could accept it yet");

            network.restore();
            browser.waitFor(d -> "accepted".equals(browser.executeScript("return window.sent")));
            // The probe echoes a message to its sender once per time it reaches the application.
            browser.waitFor(d -> received(browser).contains(text));
            Thread.sleep(1000);
            assertEquals(1, Collections.frequency(received(browser), text), "reached the application once");
        }
    }

    @Test
    void theBrowserAcknowledgesMostlyInItsConnects() {
        int count = 40;
        try (NumberStream stream = NumberStream.start(true, count, 20)) {
            Browser browser = stream.browser();
            browser.waitFor(d -> received(browser).size() >= count);
            assertEquals(range(count), normalise(received(browser)));
            // Every message handled is acknowledged, and the inbox is empty...
            Scrape.until(stream.server().uri(), n -> n == 0, "thywill_inbox_messages");
            // ...mostly by the connects that followed the messages (the sender is a plain client, which
            // acknowledges nothing); one of its own only when no connect went out within 100 ms (a loaded machine).
            Scrape scrape = Scrape.of(stream.server().uri());
            double onConnects = scrape.value("thywill_acknowledgements_total", "carried", "connect").orElse(-1);
            double published = scrape.value("thywill_acknowledgements_total", "carried", "message").orElse(-1);
            assertTrue(published >= 0 && onConnects > published, "acknowledgements in connects: " + onConnects
                    + ", published on their own: " + published);
        }
    }

    private static List<Object> received(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Object> received = (List<Object>) browser.executeScript("return window.received || []");
        return received;
    }
}
