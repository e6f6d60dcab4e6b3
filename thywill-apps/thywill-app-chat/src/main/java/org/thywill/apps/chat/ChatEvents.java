package org.thywill.apps.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of everything the chat sends, in one place so the page's script and this agree. */
final class ChatEvents {

    private ChatEvents() {
    }

    static Map<String, Object> said(String from, String text, long at) {
        return fields("from", from, "text", text, "at", at);
    }

    static Map<String, Object> privately(String from, String to, String text, long at) {
        return fields("event", "private", "from", from, "to", to, "text", text, "at", at);
    }

    static Map<String, Object> welcome(String name, List<String> online, boolean signedIn) {
        Map<String, Object> welcome = fields("event", "welcome", "name", name, "online", online);
        if (signedIn) {
            welcome.put("signedIn", true);
        }
        return welcome;
    }

    static Map<String, Object> joined(String name, long at) {
        return fields("event", "joined", "name", name, "at", at);
    }

    static Map<String, Object> left(String name, long at) {
        return fields("event", "left", "name", name, "at", at);
    }

    static Map<String, Object> renamed(String from, String to, long at) {
        return fields("event", "renamed", "from", from, "to", to, "at", at);
    }

    static Map<String, Object> error(String message) {
        return fields("event", "error", "message", message);
    }

    /** Keeps the keys in the order written, which makes the JSON easy to read in a browser's network tab. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
