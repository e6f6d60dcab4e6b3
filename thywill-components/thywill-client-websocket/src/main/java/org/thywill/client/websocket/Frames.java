package org.thywill.client.websocket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the protocol's frames, JSON objects with an {@code op}. Numbers read as Bayeux's do (integers as
 * {@code Long}, others as {@code Double}), so an application cannot tell the transports apart; nesting is capped
 * before any parser recurses deeper.
 */
final class Frames {

    /** Deeper nesting is refused, as over Bayeux. */
    static final int MAX_DEPTH = 64;
    /** The longest {@code ref} a client may choose. */
    static final int MAX_REF = 64;

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    /**
     * @param text a text frame
     * @return its object
     * @throws FrameException when it is not a JSON object
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(String text) throws FrameException {
        Object value;
        try {
            value = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new FrameException(FrameException.BAD_FRAME, "A frame is one JSON object such as"
                    + " {\"op\":\"ping\"}, nested at most " + MAX_DEPTH + " levels deep; this one is not.");
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("op") instanceof String)) {
            throw new FrameException(FrameException.BAD_FRAME, "A frame is a JSON object with an \"op\" such as"
                    + " {\"op\":\"ping\"}.");
        }
        return (Map<String, Object>) map;
    }

    /**
     * @param frame a frame
     * @return its JSON text
     */
    String write(Map<String, Object> frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A frame the server made is not JSON", e);
        }
    }

    /**
     * @param frame a frame the client sent
     * @return its {@code ref}, or null when it has none
     * @throws FrameException when it has one that is not a string of 1 to {@value #MAX_REF} characters
     */
    static String ref(Map<String, Object> frame) throws FrameException {
        Object ref = frame.get("ref");
        if (ref == null) {
            return null;
        }
        if (!(ref instanceof String s) || s.isEmpty() || s.length() > MAX_REF) {
            throw new FrameException(FrameException.BAD_FRAME, "\"ref\" is a string of 1 to " + MAX_REF
                    + " characters; leave it out for no answer.");
        }
        return s;
    }

    /**
     * @param op the frame's op
     * @param ref the ref it answers, or null
     * @return a frame to fill
     */
    static Map<String, Object> frame(String op, String ref) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("op", op);
        if (ref != null) {
            frame.put("ref", ref);
        }
        return frame;
    }

    /**
     * @param op {@code error}, {@code refused} or {@code close}
     * @param ref the ref it answers, or null
     * @param code the error code
     * @param message what to change
     * @return the frame
     */
    static Map<String, Object> problem(String op, String ref, String code, String message) {
        Map<String, Object> frame = frame(op, ref);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        frame.put(op.equals("close") ? "reason" : "error", error);
        return frame;
    }
}
