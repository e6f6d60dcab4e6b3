package org.thywill.apps.calculations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The calculations application's functions, called as a page calls them, over both transports. */
class CalculationsApplicationTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("calculations").start();
    }

    private static int ids;

    private static Map<String, Object> call(TestClient client, String name, Object... args) {
        return call(client, Map.of(), name, args);
    }

    private static Map<String, Object> call(TestClient client, Map<String, Object> extra, String name,
                                            Object... args) {
        String id = "c" + ++ids;
        Map<String, Object> envelope = new java.util.HashMap<>(extra);
        envelope.putAll(Map.of("type", "rpc", "id", id, "name", name, "args", List.of(args)));
        client.publish("/service/thywill/calculations", envelope);
        TestClient.Delivery answer = client.next();
        assertEquals(id, answer.envelope().get("id"), answer.toString());
        return answer.envelope();
    }

    private static Object result(Map<String, Object> answer) {
        assertEquals("rpc-result", answer.get("type"), answer.toString());
        return answer.get("result");
    }

    private static String code(Map<String, Object> answer) {
        assertEquals("rpc-error", answer.get("type"), answer.toString());
        return String.valueOf(((Map<?, ?>) answer.get("error")).get("code"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theArithmeticIsDoneOnTheServer(Transport transport) {
        try (TestClient client = TestClient.connect(server, "calculations", transport)) {
            assertEquals(9.0, ((Number) result(call(client, "add", 6, 3))).doubleValue());
            assertEquals(3.0, ((Number) result(call(client, "subtract", 6, 3))).doubleValue());
            assertEquals(18.0, ((Number) result(call(client, "multiply", 6, 3))).doubleValue());
            assertEquals(2.5, ((Number) result(call(client, "divide", 5, 2))).doubleValue());
            assertEquals(0.09, ((Number) result(call(client, "square", 0.3))).doubleValue(), 1e-12);
            assertEquals(1.5, ((Number) result(call(client, "sqrt", 2.25))).doubleValue());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void arithmeticWithoutAnAnswerFailsAndTheAdministratorsFunctionIsRefused(Transport transport) {
        try (TestClient client = TestClient.connect(server, "calculations", transport)) {
            Map<String, Object> byZero = call(client, "divide", 1, 0);
            assertEquals("failed", code(byZero));
            assertFalse(byZero.toString().contains("zero"), "the exception's text stays on the server: " + byZero);
            assertEquals("failed", code(call(client, "sqrt", -1)));
            assertEquals("failed", code(call(client, "multiply", 1e300, 1e300)), "no JSON number is infinite");
            assertEquals("not-permitted", code(call(client, "adminReset")));
            assertEquals("invalid-arguments", code(call(client, "add", 1)));
            assertEquals("invalid-arguments", code(call(client, "add", "1", 2)));
            assertEquals("not-found", code(call(client, "cube", 2)));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void slowAnswersLaterOrTimesOut(Transport transport) {
        try (TestClient client = TestClient.connect(server, "calculations", transport)) {
            assertEquals(200L, result(call(client, "slow", 200)));
            assertEquals("timed-out", code(call(client, Map.of("timeout", 300), "slow", 2000)));
            assertEquals("failed", code(call(client, "slow", -1)));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theCountGrowsWithEachCalculation(Transport transport) {
        try (TestClient client = TestClient.connect(server, "calculations", transport)) {
            long before = ((Number) result(call(client, "count"))).longValue();
            call(client, "add", 1, 1);
            call(client, "divide", 1, 0);
            assertEquals(before + 1, ((Number) result(call(client, "count"))).longValue(),
                    "only calculations that gave an answer count");
        }
    }
}
