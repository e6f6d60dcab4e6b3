package org.thywill.application.loader;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a function's result into a plain JSON value tree before it is sent, so a value JSON cannot carry fails
 * the call with a clear log line here, rather than the connection's next delivery inside the transport.
 */
final class JsonResult {

    private static final int MAX_DEPTH = 100;

    private JsonResult() {
    }

    /**
     * @param value what a function returned
     * @return the same value as Maps, Lists, Strings, Numbers, Booleans and nulls
     * @throws IllegalArgumentException saying where in the value the problem is
     */
    static Object of(Object value) {
        return copy(value, "the result", 0);
    }

    private static Object copy(Object value, String at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(at + " is nested deeper than " + MAX_DEPTH + " (a cycle?)");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(at + " is " + d + ", which JSON has no number for");
            }
            return value;
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                copy.put(key, copy(e.getValue(), at + "." + key, depth + 1));
            }
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                copy.add(copy(item, at + "[" + i++ + "]", depth + 1));
            }
            return copy;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(copy(Array.get(value, i), at + "[" + i + "]", depth + 1));
            }
            return copy;
        }
        throw new IllegalArgumentException(at + " is a " + value.getClass().getName() + ", which is not a JSON value"
                + " (return a Map, List, array, String, Number, Boolean or null)");
    }
}
