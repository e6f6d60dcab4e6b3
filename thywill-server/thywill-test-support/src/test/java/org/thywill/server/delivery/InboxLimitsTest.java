package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thywill.server.delivery.DeliveryTest.messages;
import static org.thywill.server.delivery.DeliveryTest.normalise;
import static org.thywill.server.delivery.DeliveryTest.numbers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * What the inbox does past {@code inboxMaxAge} and an application's own {@code maxMessages}, and what receipts then
 * say.
 */
class InboxLimitsTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("delivery")
                .set("push", "inboxMaxAge", "1s")
                // The application's own limit overrides the section's.
                .set("push", "inboxPerApplication", Map.of("delivery", Map.of("maxMessages", 3)))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReceiptFailsAsExpiredWhenTheSessionDoesNotComeBackInTime() throws Exception {
        try (TestClient sender = TestClient.connect(server, "delivery", Transport.WEBSOCKET)) {
            TestClient page = TestClient.connect(server, "delivery", Transport.WEBSOCKET);
            page.disconnect();
            sender.send(Map.of("cmd", "receipted", "session", page.sessionCookie().getValue(), "data", "late"));
            assertEquals(Map.of("failed", "EXPIRED"), sender.next(Duration.ofSeconds(5)).orElseThrow().data());
            try (TestClient again = page.reconnect(Transport.WEBSOCKET)) {
                assertTrue(again.next(Duration.ofMillis(700)).isEmpty(), "an expired message is not delivered");
            }
            page.close();
        }
    }

    @Test
    void aFullInboxDropsItsOldestMessagesAndKeepsTheNewest() {
        try (TestClient sender = TestClient.connect(server, "delivery", Transport.LONG_POLLING)) {
            TestClient page = TestClient.connect(server, "delivery", Transport.LONG_POLLING);
            page.disconnect();
            sender.send(Map.of("cmd", "receipted", "session", page.sessionCookie().getValue(), "data", "oldest"));
            sender.send(numbers(page, 5, 0));
            assertEquals(Map.of("failed", "OVERFLOW"), sender.nextMessage());
            assertEquals("sent 5", sender.nextMessage());
            try (TestClient again = page.reconnect(Transport.LONG_POLLING)) {
                assertEquals(List.of(2L, 3L, 4L), normalise(messages(again, 3)));
                assertTrue(again.next(Duration.ofMillis(700)).isEmpty());
            }
            page.close();
        }
    }
}
