package org.thywill.apps.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The ticker's pushes as real clients see them. */
class TickerApplicationTest {

    private static final String DIRECT = "/thywill/ticker";
    private static final String ROWS = "/thywill/ticker/channel/rows";
    private static final Set<String> SYMBOLS = Set.of("THY", "CMT", "BYX", "JTY", "LPL");

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("ticker").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBSOCKET", "LONG_POLLING"})
    void aSubscribedPageReceivesARowEverySecond(Transport transport) {
        try (TestClient client = TestClient.connect(server, "ticker", transport)) {
            long before = System.currentTimeMillis();
            subscribe(client);
            List<Map<?, ?>> rows = rowsWithin(client, Duration.ofSeconds(5));
            assertTrue(rows.size() >= 3, () -> "Only " + rows.size() + " rows in 5 s: " + rows);
            long previous = before;
            for (Map<?, ?> row : rows) {
                assertEquals(Set.of("symbol", "price", "change", "at"), row.keySet(), () -> "Not a row: " + row);
                assertTrue(SYMBOLS.contains(row.get("symbol")), () -> "Unknown symbol in " + row);
                assertTrue(assertInstanceOf(Number.class, row.get("price")).doubleValue() >= PriceWalk.FLOOR);
                assertInstanceOf(Number.class, row.get("change"));
                long at = assertInstanceOf(Long.class, row.get("at"));
                assertTrue(at > previous, () -> "'at' does not increase: " + rows);
                previous = at;
            }
            for (int i = 1; i < rows.size(); i++) {
                long gap = (Long) rows.get(i).get("at") - (Long) rows.get(i - 1).get("at");
                assertTrue(gap >= 900 && gap <= 3000, "Rows " + gap + " ms apart: " + rows);
            }
        }
    }

    @Test
    void aPageThatDidNotSubscribeReceivesNoRows() {
        try (TestClient subscribed = TestClient.connect(server, "ticker", Transport.WEBSOCKET);
             TestClient idle = TestClient.connect(server, "ticker", Transport.WEBSOCKET)) {
            subscribe(subscribed);
            Optional<TestClient.Delivery> anything = idle.next(Duration.ofSeconds(2));
            assertTrue(anything.isEmpty(), () -> "A page that did not subscribe received " + anything.get());
            assertTrue(rowsWithin(subscribed, Duration.ofMillis(1)).size() >= 1,
                    "The ticker was not running, so the silence proves nothing");
        }
    }

    @Test
    void unsubscribingStopsTheRows() {
        try (TestClient client = TestClient.connect(server, "ticker", Transport.WEBSOCKET)) {
            subscribe(client);
            assertEquals(ROWS, client.next(Duration.ofSeconds(3)).orElseThrow().channel());
            client.send(Map.of("unsubscribe", true));
            // Rows already on their way arrive first; none may follow the confirmation.
            TestClient.Delivery delivery;
            do {
                delivery = client.next();
            } while (ROWS.equals(delivery.channel()));
            assertEquals(DIRECT, delivery.channel());
            assertEquals(Map.of("subscribed", false), delivery.data());
            Optional<TestClient.Delivery> after = client.next(Duration.ofSeconds(2));
            assertTrue(after.isEmpty(), () -> "A row after unsubscribing: " + after.get());

            subscribe(client);
            assertEquals(ROWS, client.next(Duration.ofSeconds(3)).orElseThrow().channel(), "Subscribing again");
        }
    }

    @Test
    void subscribingTwiceStillSendsEachRowOnce() {
        try (TestClient client = TestClient.connect(server, "ticker", Transport.WEBSOCKET)) {
            subscribe(client);
            subscribe(client);
            List<Map<?, ?>> rows = rowsWithin(client, Duration.ofMillis(2500));
            assertTrue(rows.size() >= 2, () -> "Too few rows: " + rows);
            assertEquals(rows.size(), rows.stream().map(r -> r.get("at")).distinct().count(), "Duplicates: " + rows);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "{}", "{\"subscribe\": false}", "{\"subscribe\": \"yes\"}",
            "{\"subscribe\": true, \"unsubscribe\": true}"})
    void anyOtherMessageIsAnsweredToItsSenderOnly(String json) {
        Object data = org.thywill.testing.TestJson.parse(json.startsWith("{") ? json : "\"" + json + "\"");
        try (TestClient a = TestClient.connect(server, "ticker", Transport.WEBSOCKET);
             TestClient b = TestClient.connect(server, "ticker", Transport.LONG_POLLING)) {
            a.send(data);
            TestClient.Delivery answer = a.next();
            assertEquals(DIRECT, answer.channel());
            assertEquals(Map.of("error", TickerRequest.HOW), answer.data());
            Optional<TestClient.Delivery> extra = a.next(Duration.ofSeconds(2)).or(() -> b.next(Duration.ZERO));
            assertTrue(extra.isEmpty(), () -> "Expected nothing more, but got " + extra.get());
        }
    }

    private static void subscribe(TestClient client) {
        assertTrue(client.send(Map.of("subscribe", true)).isSuccessful());
        TestClient.Delivery delivery;
        do {
            delivery = client.next();
        } while (ROWS.equals(delivery.channel()));
        assertEquals(DIRECT, delivery.channel());
        assertEquals(Map.of("subscribed", true), delivery.data());
    }

    /** @return the rows delivered within {@code wait}; anything but a row fails the test */
    private static List<Map<?, ?>> rowsWithin(TestClient client, Duration wait) {
        List<Map<?, ?>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<TestClient.Delivery> next = client.next(Duration.ofNanos(Math.max(left, 0)));
            if (next.isEmpty()) {
                return rows;
            }
            TestClient.Delivery delivery = next.get();
            assertEquals(ROWS, delivery.channel(), () -> "Not a row: " + delivery);
            Map<?, ?> data = assertInstanceOf(Map.class, delivery.data());
            rows.add(assertInstanceOf(Map.class, data.get("row"), () -> "Not a row: " + data));
        }
    }
}
