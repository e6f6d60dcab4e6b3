package org.thywill.apps.todo;

import java.util.Map;

/** What a page asked for, read from a message's data and validated, so the application only acts. */
sealed interface TodoRequest {

    /**
     * The longest item text, in UTF-16 units: what {@code VARCHAR(500)} holds on H2, and never more than MySQL's
     * 500 characters.
     */
    int MAX_TEXT = 500;

    /** @param text the new item's text, trimmed and valid */
    record Add(String text) implements TodoRequest {
    }

    /** @param id the item to remove */
    record Remove(long id) implements TodoRequest {
    }

    /** @param reason what was wrong and what to send instead, for the sender's eyes */
    record Invalid(String reason) implements TodoRequest {
    }

    /**
     * @param data a message's data as the application received it
     * @return the request it makes, or why it makes none
     */
    static TodoRequest parse(Object data) {
        if (!(data instanceof Map<?, ?> map) || map.size() != 1
                || map.containsKey("add") == map.containsKey("remove")) {
            return new Invalid("Send {\"add\": \"text\"} to add an item, or {\"remove\": id} to remove one.");
        }
        return map.containsKey("add") ? add(map.get("add")) : remove(map.get("remove"));
    }

    private static TodoRequest add(Object text) {
        if (!(text instanceof String s)) {
            return new Invalid("An item's text is a string of 1 to " + MAX_TEXT + " characters.");
        }
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            return new Invalid("The item is empty: type what to do before adding it.");
        }
        if (trimmed.length() > MAX_TEXT) {
            return new Invalid("An item is at most " + MAX_TEXT + " characters; this one has " + trimmed.length()
                    + ".");
        }
        return new Add(trimmed);
    }

    private static TodoRequest remove(Object id) {
        if (id instanceof Long n && n > 0) {
            return new Remove(n);
        }
        return new Invalid("An item's id is a positive whole number, as the list gave it.");
    }
}
