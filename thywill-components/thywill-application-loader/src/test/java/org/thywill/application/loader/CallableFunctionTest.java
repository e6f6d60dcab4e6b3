package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.api.application.Callable;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/** How a call's JSON arguments are bound to a {@link Callable} method's parameters, and what a caller is told. */
class CallableFunctionTest {

    private static final Connection CALLER = new Connection(new ConnectionId("c1"), new SessionId("s1"), "test",
            "websocket", "127.0.0.1");

    /** Functions of every supported shape. */
    public static class Functions {
        @Callable
        public long add(long a, long b) {
            return a + b;
        }

        @Callable
        public int half(int n) {
            return n / 2;
        }

        @Callable
        public double scale(double x, Double factor) {
            return x * (factor == null ? 1 : factor);
        }

        @Callable
        public String describe(String text, boolean loud, Number n, Object anything) {
            return text + loud + n + anything;
        }

        @Callable
        public double sum(List<Double> numbers) {
            return numbers.stream().mapToDouble(Double::doubleValue).sum();
        }

        @Callable
        public long total(Map<String, List<Long>> groups) {
            return groups.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        }

        @Callable
        public int size(List<?> items, Map<String, Object> options) {
            return items.size() + options.size();
        }

        @Callable
        public String ship(Parcel parcel, Speed speed) {
            return parcel + " " + speed;
        }

        @Callable("whoAmI")
        public String caller(Connection caller, String greeting) {
            return greeting + " " + caller.id();
        }

        @Callable
        public static String shout(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }

        @Callable
        public void nothing() {
        }

        @Callable
        public void fail() throws java.io.IOException {
            throw new java.io.IOException("disk on fire");
        }

        public long notCallable() {
            return 0;
        }
    }

    /** A record argument. */
    public record Parcel(String to, List<Long> weights) {
    }

    /** An enum argument. */
    public enum Speed { SLOW, FAST }

    /** Functions that cannot be called, each for a reason the log must give. */
    public static class Broken {
        @Callable
        public long at(Instant when) {
            return when.toEpochMilli();
        }

        @Callable
        public String late(String text, Connection caller) {
            return text;
        }

        @Callable
        public long twice(long a) {
            return a;
        }

        @Callable("twice")
        public long alsoTwice(long a) {
            return a;
        }

        @Callable
        long hidden() {
            return 0;
        }

        @Callable
        public long fine() {
            return 1;
        }
    }

    private static final CallableFunctions FUNCTIONS = CallableFunctions.of(Functions.class);

    private static Object call(String name, Object... args) throws Throwable {
        CallableFunction f = FUNCTIONS.functions().get(name);
        return f.invoke(new Functions(), f.bind(CALLER, Arrays.asList(args)));
    }

    private static String refusal(String name, Object... args) {
        return assertThrows(InvalidArgumentsException.class,
                () -> FUNCTIONS.functions().get(name).bind(CALLER, Arrays.asList(args))).getMessage();
    }

    @Test
    void theTableHoldsTheAnnotatedPublicMethodsUnderTheirNames() {
        assertEquals(java.util.Set.of("add", "half", "scale", "describe", "sum", "total", "size", "ship", "whoAmI",
                "shout", "nothing", "fail"), FUNCTIONS.functions().keySet());
        assertTrue(FUNCTIONS.problems().isEmpty(), FUNCTIONS.problems().toString());
    }

    @Test
    void argumentsAreConvertedToTheParameterTypes() throws Throwable {
        assertEquals(5L, call("add", 2L, 3L));
        assertEquals(5L, call("add", 2.0, 3L), "an integral JSON number written with a fraction is an integer");
        assertEquals(21, call("half", 42L));
        assertEquals(3.0, call("scale", 3L, null), "a boxed parameter takes null");
        assertEquals(7.5, call("scale", 3L, 2.5));
        assertEquals("hitrue1.5[1, 2]", call("describe", "hi", true, 1.5, List.of(1L, 2L)));
        assertEquals(6.5, call("sum", List.of(1L, 2.5, 3L)), "list items are converted too");
        assertEquals(10L, call("total", Map.of("a", List.of(1L, 2L), "b", List.of(3.0, 4L))));
        assertEquals(3, call("size", List.of("x", 1L), Map.of("k", true)));
        assertEquals(6.0, call("sum", (Object) new Object[] {1L, 2L, 3L}), "an array parsed as Object[] is a list");
        assertEquals("HI", call("shout", "hi"), "a static method is callable");
        assertEquals(null, call("nothing"));
        assertEquals("Parcel[to=Ada, weights=[1, 2]] FAST", call("ship", Map.of("to", "Ada", "weights", List.of(1L,
                2.0)), "FAST"), "records and enums are arguments too");
    }

    @Test
    void theCallerIsInjectedIntoAFirstConnectionParameterAndIsNotAnArgument() throws Throwable {
        CallableFunction f = FUNCTIONS.functions().get("whoAmI");
        Object[] bound = f.bind(CALLER, List.of("hello"));
        assertSame(CALLER, bound[0]);
        assertEquals("hello c1", f.invoke(new Functions(), bound));
        assertEquals("whoAmI expects 1 argument (String greeting) but got 2", refusal("whoAmI", "a", "b"));
    }

    @Test
    void aWrongNumberOfArgumentsNamesTheParameters() {
        assertEquals("add expects 2 arguments (long a, long b) but got 1", refusal("add", 1L));
        assertEquals("add expects 2 arguments (long a, long b) but got 3", refusal("add", 1L, 2L, 3L));
        assertEquals("nothing expects no arguments but got 1", refusal("nothing", 1L));
        assertEquals("sum expects 1 argument (List<Double> numbers) but got 0", refusal("sum"));
    }

    @Test
    void aWrongTypeNamesTheArgumentWhatItMustBeAndWhatCame() {
        assertEquals("argument 2 of add must be an integer, not \"x\"", refusal("add", 1L, "x"));
        assertEquals("argument 1 of add must be an integer, not 1.5", refusal("add", 1.5, 2L));
        assertEquals("argument 1 of add must be an integer, not null", refusal("add", null, 2L),
                "a primitive parameter refuses null");
        assertEquals("argument 1 of half must be an integer from -2147483648 to 2147483647, not 3000000000",
                refusal("half", 3_000_000_000L));
        assertEquals("argument 1 of scale must be a number, not true", refusal("scale", true, 1L));
        assertEquals("argument 1 of describe must be a string, not 42", refusal("describe", 42L, true, 1L, null));
        assertEquals("argument 2 of describe must be true or false, not \"yes\"",
                refusal("describe", "a", "yes", 1L, null));
        assertEquals("argument 1 of sum must be an array, not {\"a\":1}", refusal("sum", Map.of("a", 1L)));
        assertEquals("argument 1 of sum, at [2], must be a number, not \"three\"",
                refusal("sum", List.of(1L, 2L, "three")));
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("fine", List.of(1L));
        groups.put("odd one", List.of(1L, 0.5));
        assertEquals("argument 1 of total, at [\"odd one\"][1], must be an integer, not 0.5", refusal("total", groups));
        assertEquals("argument 2 of size must be an object, not [1]", refusal("size", List.of(), List.of(1L)));
        assertEquals("argument 1 of ship, at .weights[0], must be an integer, not 1.5",
                refusal("ship", Map.of("weights", List.of(1.5)), "SLOW"));
        assertEquals("argument 2 of ship must be one of \"SLOW\", \"FAST\", not \"slow\"",
                refusal("ship", Map.of(), "slow"));
        assertEquals("argument 2 of ship must be one of \"SLOW\", \"FAST\", not 0", refusal("ship", Map.of(), 0L),
                "an enum is named, not numbered");
        assertEquals("argument 1 of ship, at .from, is not a field of Parcel (its fields: [to, weights])",
                refusal("ship", Map.of("from", "x"), "SLOW"));
    }

    @Test
    void aLongValueIsCutShortInTheMessage() {
        String message = refusal("add", 1L, "x".repeat(500));
        assertTrue(message.length() < 120, message);
        assertTrue(message.endsWith("xxx..."), message);
    }

    @Test
    void whatTheMethodThrowsComesOutUnwrapped() {
        java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> call("fail"));
        assertEquals("disk on fire", thrown.getMessage());
    }

    @Test
    void methodsThatCannotBeCalledAreReportedWithTheReason() {
        CallableFunctions broken = CallableFunctions.of(Broken.class);
        assertEquals(java.util.Set.of("fine"), broken.functions().keySet());
        assertEquals(java.util.Set.of("at", "late", "twice", "hidden"), broken.problems().keySet());
        assertTrue(broken.problems().get("at").contains("Instant when"), broken.problems().get("at"));
        assertTrue(broken.problems().get("late").contains("only a first parameter"), broken.problems().get("late"));
        assertTrue(broken.problems().get("twice").contains("two methods"), broken.problems().get("twice"));
        assertTrue(broken.problems().get("hidden").contains("not public"), broken.problems().get("hidden"));
    }

    @Test
    void resultsAreCopiedIntoJsonValuesOrRefusedWithWhere() {
        assertEquals(List.of(1, 2, 3), JsonResult.of(new int[] {1, 2, 3}));
        assertEquals(Map.of("a", List.of("x", 2.5)), JsonResult.of(Map.of("a", new Object[] {'x', 2.5})));
        assertArrayEquals(new Object[] {"a", null}, ((List<?>) JsonResult.of(Arrays.asList("a", null))).toArray());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> JsonResult.of(Map.of("ratio", Double.NaN)));
        assertTrue(nan.getMessage().contains("the result.ratio is NaN"), nan.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> JsonResult.of(List.of(Instant.EPOCH)));
        assertTrue(type.getMessage().contains("the result[0] is a java.time.Instant"), type.getMessage());
    }
}
