package org.thywill.server.bayeux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.thywill.testing.TestJson;

/**
 * Seeded Bayeux texts that a careless or hostile client could send: wrong bodies, fields of the wrong type, odd
 * channels and ids, invented extensions, sizes around the limit, deep nesting, truncated and garbled JSON. The same
 * seed gives the same texts, so a failure can be replayed.
 */
final class MalformedBayeuxGenerator {

    private static final List<String> CHANNELS = List.of("", "/", "//", "/meta", "/meta/", "/meta/handshake",
            "/meta/connect", "/meta/subscribe", "/meta/unsubscribe", "/meta/disconnect", "/meta/connect/x",
            "/meta/unknown", "/meta/*", "/service", "/service/", "/service/thywill", "/service/thywill/",
            "/service/thywill/probe", "/service/thywill/probe/x", "/service/thywill/*", "/service/thywill/**",
            "/service/other", "/thywill/probe", "/thywill/probe/c", "/x", "/*", "/**", "/a/**/b", "/a b", "/\u00e9",
            "/a/../b", "\u0000", "/" + "x".repeat(300));
    private static final List<String> FIELDS = List.of("channel", "clientId", "id", "data", "ext", "advice",
            "connectionType", "supportedConnectionTypes", "version", "minimumVersion", "subscription", "successful",
            "error", "timestamp");
    private static final List<String> THYWILL_FIELDS = List.of("application", "ack", "handled", "seq", "session");

    private final Random random;
    private final int maxMessageSize;
    private final Supplier<String> clientId;

    /**
     * @param seed the seed
     * @param maxMessageSize the server's maxMessageSize: sizes are chosen around it
     * @param clientId gives a valid client id, so that some messages reach past the session lookup
     */
    MalformedBayeuxGenerator(long seed, int maxMessageSize, Supplier<String> clientId) {
        this.random = new Random(seed);
        this.maxMessageSize = maxMessageSize;
        this.clientId = clientId;
    }

    /**
     * @param maxSize the largest text to make, in characters
     * @return the next text
     */
    String next(int maxSize) {
        String text = switch (random.nextInt(8)) {
            case 0 -> TestJson.write(value(3));
            case 1 -> truncated(TestJson.write(messages()));
            case 2 -> nested(8 + random.nextInt(200));
            case 3 -> sized(maxSize);
            case 4 -> garbage();
            default -> TestJson.write(messages());
        };
        String cut = text.length() > maxSize ? text.substring(0, maxSize) : text;
        // What a client can send: a lone surrogate (from a cut) becomes '?' in UTF-8.
        return new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private List<Object> messages() {
        int count = random.nextInt(10) == 0 ? random.nextInt(5) : 1;
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(random.nextInt(8) == 0 ? value(2) : message());
        }
        return batch;
    }

    private Map<String, Object> message() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", pick(CHANNELS));
        if (random.nextBoolean()) {
            m.put("clientId", random.nextBoolean() ? clientId.get() : randomString(30));
        }
        if (random.nextBoolean()) {
            m.put("id", random.nextBoolean() ? String.valueOf(random.nextInt(1000)) : value(1));
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                m.put("version", "1.0");
                m.put("supportedConnectionTypes", random.nextBoolean() ? List.of("websocket", "long-polling") : value(1));
            }
            case 1 -> m.put("connectionType", random.nextBoolean() ? "long-polling" : value(1));
            case 2 -> m.put("subscription", random.nextBoolean() ? pick(CHANNELS) : value(2));
            case 3 -> m.put("data", random.nextBoolean() ? map("type", "message", "data",
                    map("cmd", "echo", "data", value(2))) : value(3));
            default -> m.put("advice", random.nextBoolean() ? Map.of("timeout", 0) : value(1));
        }
        if (random.nextBoolean()) {
            m.put("ext", random.nextInt(3) == 0 ? value(2) : map("thywill", thywillExt()));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String field = pick(FIELDS);
            if (random.nextInt(4) == 0) {
                m.remove(field);
            } else {
                m.put(field, value(2));
            }
        }
        return m;
    }

    private Object thywillExt() {
        if (random.nextInt(4) == 0) {
            return value(2);
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String field = pick(THYWILL_FIELDS);
            ext.put(field, field.equals("application") && random.nextBoolean() ? "probe" : value(2));
        }
        return ext;
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 11 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> random.nextInt(100) - 50;
            case 4 -> random.nextDouble() * 1e300;
            case 5 -> randomString(random.nextInt(40));
            case 6 -> pick(CHANNELS);
            case 7 -> "";
            case 8, 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(random.nextBoolean() ? pick(FIELDS) : randomString(8), value(depth - 1));
                }
                yield map;
            }
        };
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(json.length() + 1));
    }

    private String nested(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String inner = open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
        return random.nextBoolean() ? inner
                : "[{\"channel\":\"/service/thywill/probe\",\"clientId\":\"" + clientId.get() + "\",\"data\":" + inner + "}]";
    }

    private String sized(int maxSize) {
        int size = Math.min(maxSize, maxMessageSize - 200 + random.nextInt(Math.max(1, maxSize - maxMessageSize + 400)));
        String data = "x".repeat(Math.max(0, size - 150));
        return "[{\"channel\":\"/service/thywill/probe\",\"clientId\":\"" + clientId.get() + "\",\"id\":\"s\","
                + "\"data\":{\"type\":\"message\",\"data\":{\"cmd\":\"echo\",\"data\":\"" + data + "\"}}}]";
    }

    private String garbage() {
        String alphabet = "[]{}\":,\\ 0123456789.eE-+truefalsnl/abc\u00e9\ud83d\ude00\u0000\u001f";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0x80 + random.nextInt(0x700))
                    : kind == 2 ? "\"\\/".charAt(random.nextInt(3)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
