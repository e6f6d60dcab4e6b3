package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thywill.server.delivery.DeliveryTest.messages;
import static org.thywill.server.delivery.DeliveryTest.normalise;
import static org.thywill.server.delivery.DeliveryTest.numbers;
import static org.thywill.server.delivery.DeliveryTest.range;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The session inbox across a server restart, with each Database that keeps data (a subclass each). */
abstract class DeliveryRestartContract {

    @TempDir
    Path home;

    /** @return the builder, set to use this engine's database, the same one at every start */
    protected abstract ThywillTestServer.Builder database(ThywillTestServer.Builder builder);

    private ThywillTestServer start() {
        return database(ThywillTestServer.withApplications("delivery").home(home)).start();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void messagesForAnOfflineSessionArriveAfterARestartAndAcknowledgedOnesDoNot(Transport transport)
            throws Exception {
        TestClient page;
        try (ThywillTestServer server = start();
             TestClient sender = TestClient.connect(server, "delivery", transport)) {
            page = TestClient.connect(server, "delivery", transport);
            sender.send(numbers(page, 3, 0));
            assertEquals(range(3), normalise(messages(page, 3)));
            assertEquals("sent 3", sender.nextMessage());
            Thread.sleep(300); // the acknowledgement is batched
            page.disconnect();
            sender.send(numbers(page, 5, 0));
            assertEquals("sent 5", sender.nextMessage());
        }
        try (ThywillTestServer restarted = start();
             // A new tab of the same browser, which has handled nothing: it gets what no tab acknowledged.
             TestClient tab = TestClient.connect(restarted.uri(), "delivery", transport, page.sessionCookie())) {
            assertEquals(range(5), normalise(messages(tab, 5)));
            assertTrue(tab.next(Duration.ofMillis(700)).isEmpty(), "acknowledged messages must not come back");
        } finally {
            page.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReloadedPageAfterARestartGetsOnlyWhatItHadNotHandled(Transport transport) throws Exception {
        TestClient page;
        try (ThywillTestServer server = start();
             TestClient sender = TestClient.connect(server, "delivery", transport)) {
            page = TestClient.connect(server, "delivery", transport);
            sender.send(numbers(page, 2, 0));
            assertEquals(range(2), normalise(messages(page, 2)));
            // Cut before it could acknowledge: the server still holds both, the page knows it handled them.
            page.drop();
            sender.send(numbers(page, 3, 0));
            assertEquals("sent 2", sender.nextMessage());
            assertEquals("sent 3", sender.nextMessage());
        }
        try (ThywillTestServer restarted = start();
             TestClient again = page.reconnect(restarted.uri(), transport)) {
            assertEquals(range(3), normalise(messages(again, 3)));
            assertTrue(again.next(Duration.ofMillis(700)).isEmpty(), "nothing handled before may come twice");
        }
    }
}
