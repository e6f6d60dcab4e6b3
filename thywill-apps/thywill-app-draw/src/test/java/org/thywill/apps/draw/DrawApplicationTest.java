package org.thywill.apps.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * The shared canvas's protocol as real clients see it; each test has a fresh server and so a blank canvas.
 *
 * <p>Strokes travel over WebSocket here: Jetty 12.1.12's non-blocking JSON parser, which CometD uses for HTTP
 * long-polling on both ends, fails on an array directly inside an array inside an object ({@code "points": [[x, y]]}),
 * so a long-polling client can neither send nor receive a stroke until that is fixed or worked around in the
 * Client Interface.
 */
class DrawApplicationTest {

    private static final String DIRECT = "/thywill/draw";
    private static final String CANVAS = "/thywill/draw/channel/canvas";
    private static final Duration QUIET = Duration.ofSeconds(1);

    @AutoClose
    private ThywillTestServer server;

    @BeforeEach
    void start() {
        server = ThywillTestServer.withApplications("draw").start();
    }

    @Test
    void aStrokeReachesEveryOtherPageButNotItsSender() {
        try (TestClient a = connect(Transport.WEBSOCKET, List.of());
             TestClient b = connect(Transport.WEBSOCKET, List.of());
             TestClient c = connect(Transport.WEBSOCKET, List.of())) {
            Map<String, Object> line = stroke("#ff0000", 5L, List.of(List.of(10L, 20L), List.of(30.5, 40.25)));
            assertTrue(a.send(Map.of("stroke", line)).isSuccessful());
            assertEquals(Map.of("stroke", line), next(b, CANVAS));
            assertEquals(Map.of("stroke", line), next(c, CANVAS));
            assertNothingMore(a);

            Map<String, Object> dot = stroke("#00AA00", 1L, List.of(List.of(0L, 10000L)));
            b.send(Map.of("stroke", dot));
            assertEquals(Map.of("stroke", dot), next(a, CANVAS));
            assertEquals(Map.of("stroke", dot), next(c, CANVAS));
            assertNothingMore(b);
        }
    }

    @Test
    void aPageThatOpensLaterIsSentTheStrokesInTheOrderTheyWereDrawn() {
        List<Map<String, Object>> drawn = new ArrayList<>();
        try (TestClient a = connect(Transport.WEBSOCKET, List.of())) {
            for (long i = 0; i < 3; i++) {
                Map<String, Object> stroke = stroke("#0000ff", 2L + i, List.of(List.of(i, i), List.of(i + 100, 50L)));
                a.send(Map.of("stroke", stroke));
                drawn.add(stroke);
            }
            connect(Transport.WEBSOCKET, drawn).close();
            assertNothingMore(a);
        }
    }

    @Test
    void theHistoryKeepsTheLastThousandStrokes() {
        // One page sends all the strokes, faster than the Client Interface lets a page send by default.
        server.close();
        server = ThywillTestServer.withApplications("draw")
                .set("clientInterface", "maxMessagesPerSecond", 100_000)
                .start();
        List<Map<String, Object>> drawn = new ArrayList<>();
        try (TestClient a = connect(Transport.WEBSOCKET, List.of())) {
            for (long i = 0; i < DrawApplication.HISTORY + 5; i++) {
                Map<String, Object> stroke = stroke("#123456", 3L, List.of(List.of(i, 7L)));
                assertTrue(a.send(Map.of("stroke", stroke)).isSuccessful(), "Stroke " + i + " was refused");
                drawn.add(stroke);
            }
        }
        connect(Transport.WEBSOCKET, drawn.subList(5, drawn.size())).close();
    }

    @Test
    void clearReachesEveryPageAndEmptiesTheHistory() {
        Map<String, Object> line = stroke("#ff8800", 10L, List.of(List.of(1L, 1L), List.of(99L, 99L)));
        try (TestClient a = connect(Transport.WEBSOCKET, List.of());
             TestClient b = connect(Transport.WEBSOCKET, List.of())) {
            a.send(Map.of("stroke", line));
            next(b, CANVAS);
            connect(Transport.WEBSOCKET, List.of(line)).close();

            b.send(Map.of("clear", true));
            assertEquals(Map.of("clear", true), next(a, CANVAS));
            assertEquals(Map.of("clear", true), next(b, CANVAS));
            assertNothingMore(a);
            assertNothingMore(b);
        }
        connect(Transport.WEBSOCKET, List.of()).close();
    }

    @Test
    void theLargestStrokeIsAccepted() {
        List<Object> points = new ArrayList<>(Collections.nCopies(DrawRequest.MAX_POINTS - 2, List.of(5000L, 5000L)));
        points.add(List.of(0.0, 0L));
        points.add(List.of(10000L, 10000.0));
        Map<String, Object> stroke = stroke("#abcdef", 50L, points);
        try (TestClient a = connect(Transport.WEBSOCKET, List.of());
             TestClient b = connect(Transport.WEBSOCKET, List.of())) {
            a.send(Map.of("stroke", stroke));
            assertEquals(Map.of("stroke", stroke), next(b, CANVAS));
            assertNothingMore(a);
        }
    }

    static Stream<Arguments> invalidStrokes() {
        String neither = "Send {\"stroke\": {...}} to draw, or {\"clear\": true} to clear the canvas.";
        String shape = "A stroke is {\"color\": \"#rrggbb\", \"width\": 1 to 50, \"points\": [[x, y], ...]} and nothing"
                + " else.";
        String color = "A stroke's color is #rrggbb, such as #1f77b4.";
        String width = "A stroke's width is a number from 1 to 50.";
        String points = "A stroke has 1 to 500 points; send a longer line as several strokes.";
        String point = "Each point is [x, y], with x and y numbers from 0 to 10000.";
        List<Object> line = List.of(List.of(1L, 2L), List.of(3L, 4L));
        return Stream.of(
                Arguments.of("a stroke", neither),
                Arguments.of(Map.of(), neither),
                Arguments.of(Map.of("clear", false), neither),
                Arguments.of(Map.of("clear", "yes"), neither),
                Arguments.of(Map.of("stroke", stroke("#000000", 1L, line), "clear", true), neither),
                Arguments.of(Map.of("stroke", "red line"), shape),
                Arguments.of(Map.of("stroke", Map.of("color", "#000000", "points", line)), shape),
                Arguments.of(Map.of("stroke", Map.of("color", "#000000", "width", 2L, "points", line, "x", 1L)), shape),
                Arguments.of(Map.of("stroke", stroke("red", 2L, line)), color),
                Arguments.of(Map.of("stroke", stroke("#12345", 2L, line)), color),
                Arguments.of(Map.of("stroke", stroke("#1234567", 2L, line)), color),
                Arguments.of(Map.of("stroke", stroke("#12345g", 2L, line)), color),
                Arguments.of(Map.of("stroke", stroke("#000000", 0L, line)), width),
                Arguments.of(Map.of("stroke", stroke("#000000", 0.5, line)), width),
                Arguments.of(Map.of("stroke", stroke("#000000", 51L, line)), width),
                Arguments.of(Map.of("stroke", stroke("#000000", "2", line)), width),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of())), points),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, "1,2")), points),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L,
                        Collections.nCopies(DrawRequest.MAX_POINTS + 1, List.of(1L, 1L)))), points),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(1L)))), point),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(1L, 2L, 3L)))), point),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(-1L, 2L)))), point),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(1L, 10000.5)))), point),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(1L, "2")))), point),
                Arguments.of(Map.of("stroke", stroke("#000000", 2L, List.of(List.of(1L, 2L), "3,4"))), point));
    }

    @ParameterizedTest
    @MethodSource("invalidStrokes")
    void anInvalidMessageIsAnsweredToTheSenderOnlyAndDrawsNothing(Object data, String answer) {
        try (TestClient a = connect(Transport.WEBSOCKET, List.of());
             TestClient b = connect(Transport.WEBSOCKET, List.of())) {
            a.send(data);
            assertEquals(Map.of("error", answer), next(a, DIRECT));
            connect(Transport.LONG_POLLING, List.of()).close();
            // Anything the invalid message had caused would arrive before the answer to this one.
            a.send(Map.of("clear", true));
            assertEquals(Map.of("clear", true), next(a, CANVAS));
            assertEquals(Map.of("clear", true), next(b, CANVAS));
        }
    }

    private static Map<String, Object> stroke(String color, Object width, Object points) {
        return Map.of("color", color, "width", width, "points", points);
    }

    /** Connects a page and checks the history it is sent first. */
    private TestClient connect(Transport transport, List<Map<String, Object>> history) {
        TestClient client = TestClient.connect(server, "draw", transport);
        Map<?, ?> first = assertInstanceOf(Map.class, next(client, DIRECT));
        assertEquals(Map.of("history", history), first, "The history a new page is sent");
        return client;
    }

    private static Object next(TestClient client, String channel) {
        TestClient.Delivery delivery = client.next();
        assertEquals(channel, delivery.channel(), () -> "Delivered on the wrong channel: " + delivery);
        assertEquals("message", delivery.type(), () -> "Not a message: " + delivery);
        return delivery.data();
    }

    private static void assertNothingMore(TestClient client) {
        Optional<TestClient.Delivery> extra = client.next(QUIET);
        assertTrue(extra.isEmpty(), () -> "Expected nothing more, but got " + extra.get());
    }
}
