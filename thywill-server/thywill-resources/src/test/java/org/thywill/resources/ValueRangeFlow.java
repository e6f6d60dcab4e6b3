package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value a column cannot hold is refused with 400 naming the field and the range the column allows, before the
 * database sees it; the bounds the schema document states are themselves stored and read back unchanged. Run
 * against H2, MySQL and PostgreSQL, whose ranges differ (a MySQL TIMESTAMP ends in 2038).
 */
final class ValueRangeFlow {

    private static final String SAMPLES = "/api/shop/samples";

    private ValueRangeFlow() {
    }

    static void run(URI server) {
        Http http = new Http(server);
        Map<String, Map<String, Object>> columns = columns(http);
        // The values of the report: far outside every database's range.
        refused(http, "at_time", "+999999999-12-31T23:59:59Z", columns);
        refused(http, "at_time", "-999999999-01-01T00:00:00Z", columns);
        refused(http, "at_local", "+999999999-12-31T23:59:59.999999999Z", columns);
        refused(http, "on_day", "+999999999-12-31", columns);
        refused(http, "on_day", "-0001-01-01", columns);
        refused(http, "big", 1e19, columns);
        refused(http, "whole", 1e300, columns);
        refused(http, "price", 1e300, columns);
        for (String name : List.of("tiny", "small", "medium", "whole", "big", "price", "at_time", "at_local",
                "on_day")) {
            Map<String, Object> column = columns.get(name);
            Object min = column.get("minimum");
            Object max = column.get("maximum");
            assertNotNull(min, name + " states its minimum: " + column);
            assertNotNull(max, name + " states its maximum: " + column);
            assertEquals(min, stored(http, name, min), name + "'s minimum is stored unchanged");
            assertEquals(max, stored(http, name, max), name + "'s maximum is stored unchanged");
            refused(http, name, beyond(max, 1), min, max);
            refused(http, name, beyond(min, -1), min, max);
        }
        assertNull(columns.get("code").get("minimum"), "a text column has a length, not a range");
        assertNull(http.post(SAMPLES, Map.of()).expect(201).map().get("whole"), "a row of defaults only");

        // FLOAT is 4 bytes on MySQL (REAL, with a range), as PostgreSQL's REAL, and 8 on H2 (DOUBLE, any JSON number).
        Object floatMax = columns.get("ratio").get("maximum");
        if (floatMax != null) {
            refused(http, "ratio", 1e39, columns);
        } else {
            assertEquals(1e39, stored(http, "ratio", 1e39), "a large double is read back as it was written");
        }
        assertEquals(1.5, ((Number) stored(http, "ratio", 1.5)).doubleValue());
        http.raw("POST", SAMPLES, "application/json", "{\"big\": 92233720368547758070}").expect(400);
        assertEquals("on_day", http.get(SAMPLES + "?on_day=%2B999999999-12-31").expect(400).error().get("field"),
                "a filter's value is checked as a written one");
        assertEquals("code", http.post(SAMPLES, Map.of("code", "abcd")).expect(400).error().get("field"));
        // A MySQL TEXT holds 65,535 bytes, whatever the characters; H2's CLOB and PostgreSQL's TEXT have no limit that
        // applies.
        Object maxBytes = columns.get("note").get("maxBytes");
        String note = "é".repeat(40_000);
        if (maxBytes != null) {
            assertEquals(65_535L, maxBytes);
            Http.Answer tooLong = http.post(SAMPLES, Map.of("note", note)).expect(400);
            assertEquals("note", tooLong.error().get("field"));
            assertTrue(((String) tooLong.error().get("message")).contains("65535 bytes"), tooLong.error().toString());
            assertEquals(note.substring(0, 32_767), stored(http, "note", note.substring(0, 32_767)));
        } else {
            assertEquals(note, stored(http, "note", note));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> columns(Http http) {
        List<Map<String, Object>> resources = (List<Map<String, Object>>) http.get("/api/shop/").expect(200).map()
                .get("resources");
        Map<String, Object> samples = resources.stream().filter(r -> r.get("name").equals("samples")).findFirst()
                .orElseThrow();
        Map<String, Map<String, Object>> columns = new HashMap<>();
        ((List<Map<String, Object>>) samples.get("columns")).forEach(c -> columns.put((String) c.get("name"), c));
        return columns;
    }

    private static Object stored(Http http, String column, Object value) {
        Map<String, Object> row = http.post(SAMPLES, Map.of(column, value)).expect(201).map();
        assertEquals(row, http.get(SAMPLES + "/" + row.get("id")).expect(200).map());
        return row.get(column);
    }

    /** @return one unit (1, one hundredth, one second, one day) past {@code bound}, in the direction given */
    private static Object beyond(Object bound, int direction) {
        if (bound instanceof Long l) {
            return l == Long.MAX_VALUE ? 1e19 : l == Long.MIN_VALUE ? -1e19 : (Object) (l + direction);
        }
        if (bound instanceof Number n) {
            return new BigDecimal(n.toString()).add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(direction)))
                    .doubleValue();
        }
        String text = (String) bound;
        return text.contains("T") ? Instant.parse(text).plusSeconds(direction).toString()
                : LocalDate.parse(text).plusDays(direction).toString();
    }

    private static void refused(Http http, String column, Object value, Map<String, Map<String, Object>> columns) {
        refused(http, column, value, columns.get(column).get("minimum"), columns.get(column).get("maximum"));
    }

    private static void refused(Http http, String column, Object value, Object min, Object max) {
        Http.Answer answer = http.post(SAMPLES, Map.of(column, value));
        assertEquals(400, answer.status(), column + " = " + value + " answered " + answer.json());
        assertEquals(column, answer.error().get("field"));
        String message = (String) answer.error().get("message");
        assertTrue(message.contains(String.valueOf(min)) && message.contains(String.valueOf(max)),
                column + " = " + value + ": the message names the range " + min + " to " + max + ": " + message);
    }
}
