package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One message from a page's runtime, read and checked: what a malformed or hostile message holds is dropped here, so
 * the rest of the library handles only well-formed parts. A message that is not the runtime's at all is kept whole
 * in {@link #other}, for the view's {@code onMessage}.
 */
record Inbound(Route start, Route route, List<Reply> replies, List<Event> events, List<Object> messages,
               List<String> errors, Object other) {

    /**
     * A page's route: the part of its address after {@code /thywill/init/{appId}}; in {@code domStart}, with the
     * digest of the view HTML the server rendered into the page, or null (see {@link FirstRender}).
     */
    record Route(String path, String query, String rendered) {
    }

    /** A read's answer: its value, or why it failed. */
    record Reply(int id, Object value, String error) {
    }

    /** An event for one listener. */
    record Event(int listener, DomEvent event) {
    }

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{1,64}");

    static Inbound parse(Object data) {
        if (!(data instanceof Map<?, ?> map) || map.isEmpty()
                || !map.keySet().stream().allMatch(k -> k instanceof String s && s.startsWith("dom"))) {
            return new Inbound(null, null, List.of(), List.of(), List.of(), List.of(), data);
        }
        List<Reply> replies = new ArrayList<>();
        for (Object item : list(map.get("domReply"))) {
            if (item instanceof Map<?, ?> reply && reply.get("id") instanceof Number id) {
                replies.add(new Reply(id.intValue(), reply.get("value"), string(reply.get("error"))));
            }
        }
        List<Event> events = new ArrayList<>();
        for (Object item : list(map.get("domEvent"))) {
            if (item instanceof Map<?, ?> event && event.get("listener") instanceof Number id) {
                events.add(new Event(id.intValue(), event(event)));
            }
        }
        List<String> errors = new ArrayList<>();
        for (Object item : list(map.get("domError"))) {
            if (item instanceof Map<?, ?> error) {
                errors.add(cut(string(error.get("operation"))) + ": " + cut(string(error.get("message"))));
            }
        }
        return new Inbound(route(map.get("domStart")), route(map.get("domRoute")), replies, events,
                new ArrayList<>(list(map.get("domMessage"))), errors, null);
    }

    private static Route route(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("path") instanceof String path)) {
            return null;
        }
        String query = map.get("query") instanceof String q ? q : "";
        String rendered = map.get("rendered") instanceof String r && DIGEST.matcher(r).matches() ? r : null;
        return new Route(path, query, rendered);
    }

    private static DomEvent event(Map<?, ?> map) {
        List<String> modifiers = new ArrayList<>();
        for (Object m : list(map.get("modifiers"))) {
            if (m instanceof String s) {
                modifiers.add(s);
            }
        }
        return new DomEvent(String.valueOf(map.get("type")), string(map.get("value")),
                map.get("checked") instanceof Boolean b ? b : null, string(map.get("key")), modifiers,
                number(map.get("x")), number(map.get("y")), string(map.get("targetId")), strings(map.get("data")),
                strings(map.get("form")));
    }

    /** The most characters of a browser error's operation or message kept, for the log. */
    static final int MAX_ERROR_TEXT = 500;

    private static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "...";
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k instanceof String key && v instanceof String s) {
                out.put(key, s);
            }
        });
        return out;
    }
}
