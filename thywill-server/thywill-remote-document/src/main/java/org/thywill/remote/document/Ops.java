package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of each operation the runtime applies: a JSON array whose first item names it. Kept in one place
 * so that the encoding, its unit tests and documentation/remote-document.md agree.
 */
final class Ops {

    /** The reference of the view's container element. */
    static final int ROOT = 0;
    /** The reference of {@code document.body}. */
    static final int BODY = -1;

    private Ops() {
    }

    static Map<String, Object> selector(String css) {
        return Map.of("q", css);
    }

    static Map<String, Object> local(int slot) {
        return Map.of("l", slot);
    }

    static List<Object> create(Object slot, String tag, boolean svg) {
        return op(svg ? "newSvg" : "new", slot, tag);
    }

    static List<Object> attach(Object slot, String css) {
        return op("attach", slot, css);
    }

    static List<Object> place(Object node, String where, Object anchor) {
        return op("place", node, where, anchor);
    }

    static List<Object> remove(Object ref) {
        return op("remove", ref);
    }

    static List<Object> clear(Object ref) {
        return op("clear", ref);
    }

    static List<Object> text(Object ref, String text) {
        return op("text", ref, text);
    }

    static List<Object> html(Object ref, String html) {
        return op("html", ref, html);
    }

    static List<Object> attribute(Object ref, String name, String value) {
        return op("attr", ref, name, value);
    }

    static List<Object> property(Object ref, String name, Object value) {
        return op("prop", ref, name, value);
    }

    static List<Object> classOp(Object ref, String name, boolean on) {
        return op("class", ref, name, on);
    }

    static List<Object> styles(Object ref, Map<String, String> styles) {
        return op("style", ref, new LinkedHashMap<>(styles));
    }

    static List<Object> call(Object ref, String method) {
        return op("call", ref, method);
    }

    static List<Object> listen(Object ref, int id, String type, EventOptions options) {
        Map<String, Object> wire = new LinkedHashMap<>();
        if (options.throttle() != null) {
            wire.put("throttle", options.throttle().toMillis());
        }
        if (options.debounce() != null) {
            wire.put("debounce", options.debounce().toMillis());
        }
        if (options.preventDefault()) {
            wire.put("prevent", true);
        }
        if (!options.keys().isEmpty()) {
            wire.put("keys", options.keys());
        }
        return op("listen", ref, id, type, wire);
    }

    static List<Object> unlisten(int id) {
        return op("unlisten", id);
    }

    static List<Object> read(int id, Object ref, String kind, String name) {
        return op("read", id, ref, kind, name);
    }

    static List<Object> timer(int id, long millis, boolean repeat, List<List<Object>> block) {
        return op("timer", id, millis, repeat, block);
    }

    static List<Object> stopTimer(int id) {
        return op("untimer", id);
    }

    static List<Object> run(List<List<Object>> block) {
        return op("run", block);
    }

    static List<Object> send(Object data) {
        return op("send", data);
    }

    static List<Object> title(String text) {
        return op("title", text);
    }

    static List<Object> styleSheet(String css) {
        return op("sheet", css);
    }

    static List<Object> navigate(String path, boolean replace) {
        return op("navigate", path, replace);
    }

    static List<Object> redirect(String url) {
        return op("redirect", url);
    }

    static List<Object> reset() {
        return op("reset");
    }

    static List<Object> hello(int messagesPerSecond, int maxMessageSize) {
        return op("hello", Map.of("rate", messagesPerSecond, "maxSize", maxMessageSize));
    }

    /** @return the batch message the runtime listens for */
    static Map<String, Object> batch(List<List<Object>> ops) {
        return Map.of("dom", ops);
    }

    private static List<Object> op(Object... parts) {
        // Not List.of: values such as a removed attribute's are null.
        return new ArrayList<>(Arrays.asList(parts));
    }
}
