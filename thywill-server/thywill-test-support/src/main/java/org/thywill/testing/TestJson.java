package org.thywill.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text to value trees and back, for tests that send or read raw JSON (REST bodies, raw Bayeux messages), with
 * Jackson: objects as ordered Maps, arrays as Lists, integers as {@link Long}, other numbers as {@link Double}.
 * Thread-safe.
 */
public final class TestJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private TestJson() {
    }

    /**
     * @param text JSON text
     * @return its value tree
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param value a value tree: Maps, Lists or arrays, Strings, Numbers, Booleans and nulls
     * @return its compact JSON text
     * @throws IllegalArgumentException when the value is not JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }
}
