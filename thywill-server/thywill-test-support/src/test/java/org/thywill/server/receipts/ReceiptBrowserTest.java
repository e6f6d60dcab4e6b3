package org.thywill.server.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * A page in Chromium sends a message that the application forwards with a receipt, and shows what became of it:
 * sent at once, delivered only once the recipient's page handled it (of a session, a connection or a channel's
 * members), or failed with the reason.
 */
class ReceiptBrowserTest {

    private static List<String> lines(Browser browser, String list) {
        return browser.driver().findElements(By.cssSelector("#" + list + " li")).stream()
                .map(WebElement::getText).toList();
    }

    private static Browser open(ThywillTestServer server) {
        return Browser.openConnected(server.page(ReceiptProbeApplication.ID));
    }

    private static String connectionId(Browser browser) {
        return (String) browser.executeScript("return thywill.connectionId");
    }

    private static void forward(Browser from, String text, String to, String via) {
        ((JavascriptExecutor) from.driver()).executeScript("forward(arguments[0], arguments[1], arguments[2])",
                text, to, via);
    }

    @Test
    void aMessageToAnAbsentSessionShowsSentThenDeliveredOnceItsPageHandledIt() throws InterruptedException {
        try (ThywillTestServer server = ThywillTestServer.withApplications(ReceiptProbeApplication.ID).start();
             Browser alice = open(server); Browser bob = open(server)) {
            String bobsTab = connectionId(bob);
            bob.driver().navigate().to("about:blank");   // bob's browser is away: the message waits in its inbox

            forward(alice, "hello bob", bobsTab, "session");
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("hello bob: sent")));
            Thread.sleep(1500);
            assertEquals(List.of("hello bob: sent"), lines(alice, "sent"), "nobody has handled it yet");

            bob.load(server.page(ReceiptProbeApplication.ID)).waitUntilConnected();
            bob.waitFor(d -> lines(bob, "received").equals(List.of("hello bob")));
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("hello bob: delivered")));
        }
    }

    @Test
    void aMessageForwardedToAChannelShowsDeliveredOnceAnotherMembersPageHandledIt() {
        try (ThywillTestServer server = ThywillTestServer.withApplications(ReceiptProbeApplication.ID).start();
             Browser alice = open(server); Browser bob = open(server)) {
            forward(alice, "hello room", null, "channel");
            bob.waitFor(d -> lines(bob, "received").equals(List.of("hello room")));
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("hello room: delivered")));
            assertEquals(List.of(), lines(alice, "received"), "the sender's own session is left out");
        }
    }

    @Test
    void aMessageToAConnectionThatEndedShowsFailedDisconnected() {
        try (ThywillTestServer server = ThywillTestServer.withApplications(ReceiptProbeApplication.ID).start();
             Browser alice = open(server); Browser bob = open(server)) {
            String bobsTab = connectionId(bob);
            forward(alice, "first", bobsTab, "connection");
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("first: delivered")));
            assertEquals(List.of("first"), lines(bob, "received"));

            bob.driver().navigate().to("about:blank");
            forward(alice, "second", bobsTab, "connection");
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("first: delivered", "second: failed DISCONNECTED")));
        }
    }

    @Test
    void aMessageNobodyHandlesWithinTheInboxMaxAgeShowsFailedExpired() {
        try (ThywillTestServer server = ThywillTestServer.withApplications(ReceiptProbeApplication.ID)
                .set("push", "inboxMaxAge", "2s").start();
             Browser alice = open(server); Browser bob = open(server)) {
            String bobsTab = connectionId(bob);
            bob.driver().navigate().to("about:blank");

            forward(alice, "are you there?", bobsTab, "session");
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("are you there?: sent")));
            alice.waitFor(d -> lines(alice, "sent").equals(List.of("are you there?: failed EXPIRED")));
        }
    }
}
