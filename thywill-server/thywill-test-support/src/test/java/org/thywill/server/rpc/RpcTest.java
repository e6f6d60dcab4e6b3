package org.thywill.server.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** Remote calls, as documentation/protocol.md ("RPC") states them, over real sockets with raw envelopes. */
class RpcTest {

    private static final String APP = "rpc-probe";
    private static final String SERVICE = "/service/thywill/" + APP;
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final long RPC_TIMEOUT_MS = 1500;
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications(APP)
                .set("application", "rpcTimeout", RPC_TIMEOUT_MS + "ms")
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends a call and returns its answer, which must carry the call's id and come on the application's channel. */
    private static Map<String, Object> call(TestClient client, String id, String name, Object... args) {
        return answer(client, id, send(client, id, name, null, args));
    }

    private static Map<String, Object> send(TestClient client, String id, String name, Long timeout,
                                            Object... args) {
        Map<String, Object> envelope = new HashMap<>(Map.of("type", "rpc", "id", id, "name", name,
                "args", Arrays.asList(args)));
        if (timeout != null) {
            envelope.put("timeout", timeout);
        }
        assertTrue(client.publish(SERVICE, envelope).isSuccessful(), "the server accepts the call");
        return envelope;
    }

    private static Map<String, Object> answer(TestClient client, String id, Map<String, Object> sent) {
        TestClient.Delivery delivery = client.next();
        assertEquals("/thywill/" + APP, delivery.channel(), "answered on the application's channel: " + sent);
        assertEquals(id, delivery.envelope().get("id"), "the answer carries the call's id: " + delivery);
        return delivery.envelope();
    }

    private static Object result(Map<String, Object> answer) {
        assertEquals("rpc-result", answer.get("type"), () -> "expected a result but got " + answer);
        assertTrue(answer.containsKey("result"), () -> "a result, even null, is present: " + answer);
        return answer.get("result");
    }

    /** @return the error's message, after checking its code */
    @SuppressWarnings("unchecked")
    private static String error(Map<String, Object> answer, String code) {
        assertEquals("rpc-error", answer.get("type"), () -> "expected an error but got " + answer);
        Map<String, Object> error = (Map<String, Object>) answer.get("error");
        assertEquals(code, error.get("code"), () -> "the error: " + error);
        String message = String.valueOf(error.get("message"));
        assertTrue(message.length() > 10, "the error says what went wrong: " + message);
        assertFalse(String.valueOf(answer).contains(RpcProbeApplication.SECRET), "no exception text: " + answer);
        assertFalse(String.valueOf(answer).contains("Exception"), "no exception or stack: " + answer);
        return message;
    }

    @Test
    void aCallOverTheRateLimitIsAnsweredRateLimitedUnderItsIdAndDoesNotRun() {
        try (ThywillTestServer limited = ThywillTestServer.withApplications(APP)
                .set("clientInterface", "maxMessagesPerSecond", 5).start();
             TestClient client = TestClient.connect(limited, APP, Transport.WEBSOCKET)) {
            int calls = 60;
            for (int i = 0; i < calls; i++) {
                client.publish(SERVICE, Map.of("type", "rpc", "id", "c" + i, "name", "add", "args", List.of(i, 1)));
            }
            Map<Object, Object> answers = new HashMap<>();
            int refused = 0;
            while (answers.size() < calls) {
                Map<String, Object> answer = client.next().envelope();
                assertTrue(answers.put(answer.get("id"), answer) == null, "one answer per call: " + answer);
                if ("rpc-error".equals(answer.get("type"))) {
                    assertEquals("rate-limited", ((Map<?, ?>) answer.get("error")).get("code"), answer::toString);
                    refused++;
                } else {
                    int i = Integer.parseInt(String.valueOf(answer.get("id")).substring(1));
                    assertEquals((long) i + 1, result(answer), "an accepted call ran");
                }
            }
            assertTrue(refused >= 10, refused + " of " + calls + " calls refused at 5 a second");
            assertTrue(client.next(QUIET).isEmpty(), "nothing but the answers");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCallIsAnsweredWithItsResultUnderItsId(Transport transport) {
        try (TestClient client = TestClient.connect(server, APP, transport)) {
            assertEquals(5L, result(call(client, "1", "add", 2, 3)));
            Map<String, Object> tree = Map.of("list", List.of(1L, "two", true), "nested", Map.of("x", 1.5));
            assertEquals(tree, result(call(client, "tree", "echo", tree)));
            assertEquals(client.connectionId(), result(call(client, "me", "whoAmI")),
                    "a first Connection parameter receives the caller and takes no argument");
            long before = (Long) result(call(client, "before", "runs", "nothing"));
            assertEquals(null, result(call(client, "void", "nothing")));
            assertEquals(before + 1, result(call(client, "after", "runs", "nothing")), "it ran once");
        }
    }

    @Test
    void argumentsArriveConvertedToTheParameterTypes() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            Object answer = result(call(client, "t", "types", "text", 7, 2, true, Map.of("k", "v"), List.of(1, 2.0)));
            assertEquals(Map.of("types", List.of("String", "Integer", "Double", "Boolean", "Map", "List",
                    "Long", "Long"), "values", List.of("text", 7L, 2.0, true, Map.of("k", "v"),
                    List.of(1L, 2L))), answer);
        }
    }

    @Test
    void recordsEnumsAndPlainObjectsArriveAsArguments() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            Object answer = result(call(client, "p", "place", Map.of("item", "tea", "quantity", 2, "size", "LARGE"),
                    List.of("SMALL", "LARGE"), Map.of("text", "hot", "tags", List.of("a", "b"))));
            assertEquals("Order[item=tea, quantity=2, size=LARGE] [SMALL, LARGE] hot[a, b]", answer);
        }
    }

    @Test
    void aRecordOrEnumArgumentOfTheWrongShapeIsRefusedNamingTheParameterAndTheExpectedType() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            Map<String, Object> note = Map.of("text", "t", "tags", List.of());
            assertEquals("argument 1 of place, at .quantity, must be an integer from -2147483648 to 2147483647,"
                    + " not \"two\"", error(call(client, "1", "place", Map.of("item", "tea", "quantity", "two"),
                    List.of(), note), "invalid-arguments"));
            assertEquals("argument 2 of place, at [1], must be one of \"SMALL\", \"LARGE\", not \"HUGE\"",
                    error(call(client, "2", "place", Map.of("quantity", 1), List.of("SMALL", "HUGE"), note),
                            "invalid-arguments"));
            assertEquals("argument 1 of place, at .quantity, must be an integer from -2147483648 to 2147483647,"
                    + " not null", error(call(client, "3", "place", Map.of("item", "tea"), List.of(), note),
                    "invalid-arguments"), "a missing primitive field is refused, not taken as 0");
            assertEquals("argument 3 of place, at .colour, is not a field of Note (its fields: [tags, text])",
                    error(call(client, "5", "place", Map.of("quantity", 1), List.of(), Map.of("colour", "red")),
                            "invalid-arguments"));
            assertEquals("argument 1 of place must be an object (Order), not [1]",
                    error(call(client, "4", "place", List.of(1), List.of(), note), "invalid-arguments"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSlowFunctionAnswersWhenItsStageCompletesWithoutHoldingUpTheConnection(Transport transport) {
        try (TestClient client = TestClient.connect(server, APP, transport)) {
            send(client, "slow", "later", null, 400);
            send(client, "fast", "add", null, 1, 2);
            assertEquals(3L, result(answer(client, "fast", Map.of())), "the quick call is answered first");
            assertEquals(400L, result(answer(client, "slow", Map.of())));
        }
    }

    @Test
    void anUnknownFunctionOrAPublicMethodThatIsNotCallableIsNotFound() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            String message = error(call(client, "1", "subtract", 1, 2), "not-found");
            assertTrue(message.contains("'subtract'"), message);
            error(call(client, "2", "id"), "not-found");
            error(call(client, "3", "stop"), "not-found");
        }
    }

    @Test
    void aFunctionThePermissionCheckRefusesIsNotPermittedAndDoesNotRun() {
        try (TestClient client = TestClient.connect(server, APP, Transport.LONG_POLLING)) {
            String message = error(call(client, "1", "forbidden"), "not-permitted");
            assertTrue(message.contains("'forbidden'"), message);
            assertEquals(0L, result(call(client, "2", "runs", "forbidden")));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void argumentsOfTheWrongNumberOrTypeAreRefusedBeforeTheFunctionRuns(Transport transport) {
        try (TestClient client = TestClient.connect(server, APP, transport)) {
            long before = (Long) result(call(client, "0", "runs", "add"));
            assertEquals("add expects 2 arguments (long a, long b) but got 1",
                    error(call(client, "1", "add", 1), "invalid-arguments"));
            assertEquals("argument 2 of add must be an integer, not \"x\"",
                    error(call(client, "2", "add", 1, "x"), "invalid-arguments"));
            assertEquals("argument 6 of types, at [1], must be an integer, not \"two\"",
                    error(call(client, "3", "types", "s", 1, 1, true, Map.of(), List.of(1, "two")),
                            "invalid-arguments"));
            assertEquals(before, result(call(client, "4", "runs", "add")), "add never ran");
        }
    }

    @Test
    void aFunctionThatThrowsFailsWithAGenericMessageAndTheServerLogsItWithTheFunctionsName() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger calls = (Logger) LoggerFactory.getLogger("org.thywill.application.loader.RemoteCalls");
        calls.addAppender(log);
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            assertEquals("The function 'fail' failed; the server log has the details.",
                    error(call(client, "1", "fail"), "failed"));
            error(call(client, "2", "failLater"), "failed");
            error(call(client, "3", "notJson"), "failed");
            error(call(client, "4", "broken", "2020-01-01T00:00:00Z"), "failed");
            assertEquals(0L, result(call(client, "5", "runs", "broken")));
        } finally {
            calls.detachAppender(log);
        }
        List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        for (String function : List.of("'fail'", "'failLater'", "'notJson'", "'broken'")) {
            assertTrue(errors.stream().anyMatch(e -> e.getFormattedMessage().contains(function)),
                    function + " is logged: " + errors);
        }
        assertTrue(errors.stream().anyMatch(e -> e.getThrowableProxy() != null
                && RpcProbeApplication.SECRET.equals(e.getThrowableProxy().getMessage())),
                "the exception itself is in the server log");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aFailingCallLeavesTheConnectionAndOtherClientsUnaffected(Transport transport) {
        try (TestClient failing = TestClient.connect(server, APP, transport);
             TestClient other = TestClient.connect(server, APP, transport)) {
            error(call(failing, "1", "fail"), "failed");
            assertTrue(other.next(QUIET).isEmpty(), "the failure is answered to the caller alone");
            assertEquals(3L, result(call(other, "1", "add", 1, 2)));
            assertEquals(7L, result(call(failing, "2", "add", 3, 4)), "the caller's connection carries on");
            assertTrue(failing.isConnected());
        }
    }

    @Test
    void aCallTimesOutAtTheDeadlineItAskedForAndItsLateResultIsNeverSent() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            long start = System.nanoTime();
            Map<String, Object> sent = send(client, "1", "later", 300L, 800);
            String message = error(answer(client, "1", sent), "timed-out");
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // Not before the deadline; the upper side is the error itself: had the deadline not fired, the result at
            // 800 ms would have been the answer. A loaded machine may take longer to deliver it, which is no fault.
            assertTrue(ms >= 250, "answered after " + ms + " ms");
            assertTrue(message.contains("300 ms"), message);
            assertTrue(client.next(Duration.ofMillis(1000)).isEmpty(), "the result that came later is dropped");
        }
    }

    @Test
    void aCallThatNeverCompletesTimesOutAtTheServersDeadlineWhateverTheCallerAsked() {
        try (TestClient client = TestClient.connect(server, APP, Transport.LONG_POLLING)) {
            long start = System.nanoTime();
            Map<String, Object> sent = send(client, "1", "never", 60_000L);
            error(answer(client, "1", sent), "timed-out");
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(ms >= RPC_TIMEOUT_MS - 100 && ms < RPC_TIMEOUT_MS + 3000,
                    "application.rpcTimeout is " + RPC_TIMEOUT_MS + " ms; answered after " + ms + " ms");
            assertEquals(3L, result(call(client, "2", "add", 1, 2)));
        }
    }

    @Test
    void aMalformedCallIsAnsweredWithBadMessage() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            client.publish(SERVICE, Map.of("type", "rpc", "id", "1", "args", List.of()));
            error(answer(client, "1", Map.of()), "bad-message");
            client.publish(SERVICE, Map.of("type", "rpc", "id", "2", "name", "add", "args", "1, 2"));
            error(answer(client, "2", Map.of()), "bad-message");
            client.publish(SERVICE, Map.of("type", "rpc", "id", "3", "name", "add", "args", List.of(1, 2),
                    "timeout", -5));
            error(answer(client, "3", Map.of()), "bad-message");

            client.publish(SERVICE, Map.of("type", "rpc", "name", "add", "args", List.of(1, 2)));
            TestClient.Delivery noId = client.next();
            assertEquals("error", noId.type(), "without an id only a plain error can answer: " + noId);
            assertEquals("bad-message", ((Map<?, ?>) noId.envelope().get("error")).get("code"));

            assertEquals(3L, result(call(client, "4", "add", 1, 2)));
        }
    }

    @Test
    void aCallToAnApplicationThatDoesNotRunIsNotFound() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            client.publish("/service/thywill/nosuch", Map.of("type", "rpc", "id", "1", "name", "add",
                    "args", List.of(1, 2)));
            TestClient.Delivery delivery = client.next();
            assertEquals("/thywill/nosuch", delivery.channel());
            assertEquals("1", delivery.envelope().get("id"));
            assertTrue(error(delivery.envelope(), "not-found").contains("nosuch"));
        }
    }

    @Test
    void integerIdsAreCarriedBackToo() {
        try (TestClient client = TestClient.connect(server, APP, Transport.WEBSOCKET)) {
            client.publish(SERVICE, Map.of("type", "rpc", "id", 42, "name", "add", "args", List.of(40, 2)));
            TestClient.Delivery delivery = client.next();
            assertEquals(42L, delivery.envelope().get("id"));
            assertEquals(42L, delivery.envelope().get("result"));
            assertNotEquals("rpc-error", delivery.type());
        }
    }
}
