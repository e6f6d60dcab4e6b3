package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thywill.api.Json;

/** The API's {@link Json}, which the kernel uses to inline each page's configuration. */
class JsonTest {

    @Test
    void nestedValuesSurviveARoundTripWithTheirKeyOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of());
        inner.put("a", Arrays.asList(1L, -2.5, true, false, null, "x"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t Zoë \u2028 \u0001 </script>");
        value.put("nested", List.of(inner, Map.of()));
        value.put("nothing", null);
        value.put("big", Long.MAX_VALUE);

        String json = Json.write(value);
        Object parsed = Json.parse(json);

        assertEquals(value, parsed);
        Map<?, ?> map = assertInstanceOf(Map.class, parsed);
        assertEquals(List.of("text", "nested", "nothing", "big"), List.copyOf(map.keySet()));
        assertEquals(json, Json.write(parsed));
    }

    @Test
    void lessThanIsEscapedSoTheJsonCannotCloseAScriptElement() {
        assertEquals("\"\\u003c/script>\\u003c!--\"", Json.write("</script><!--"));
        assertEquals("\"\\u2028\\u2029\\u0000\"", Json.write("\u2028\u2029\u0000"));
    }

    @Test
    void numbersParseToLongWhenIntegralAndDoubleOtherwise() {
        assertEquals(List.of(0L, -7L, 1.5, 1e3, 9.3e18), Json.parse("[0, -7, 1.5, 1e3, 9300000000000000000]"));
        assertEquals("[2,2.5]", Json.write(List.of(2.0, 2.5)));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"a\":1,}", "invalid JSON at character 7: expected a string key"),
                Arguments.of("[1, 2", "invalid JSON at character 5: unexpected end"),
                Arguments.of("[1] x", "invalid JSON at character 4: unexpected text after the value"),
                Arguments.of("{\"a\" 1}", "invalid JSON at character 5: expected ':'"),
                Arguments.of("[tru]", "invalid JSON at character 1: expected true"),
                Arguments.of("\"a\\qb\"", "invalid JSON at character 4: bad escape '\\q'"),
                Arguments.of("[1-2]", "invalid JSON at character 1: bad number '1-2'"),
                Arguments.of("@", "invalid JSON at character 0: unexpected character '@'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void errorsNameTheirPosition(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void nestingIsLimitedTo512Levels() {
        assertInstanceOf(List.class, Json.parse("[".repeat(512) + "]".repeat(512)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("[".repeat(513) + "]".repeat(513)));
        assertEquals("invalid JSON at character 512: nested deeper than 512", e.getMessage());
    }

    @Test
    void valuesThatAreNotJsonAreRejected() {
        assertEquals("JSON has no NaN",
                assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN)).getMessage());
        assertEquals("not a JSON value: java.lang.Object",
                assertThrows(IllegalArgumentException.class, () -> Json.write(new Object())).getMessage());
    }
}
