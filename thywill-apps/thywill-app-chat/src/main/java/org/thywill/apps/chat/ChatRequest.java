package org.thywill.apps.chat;

import java.util.Map;

/** What a client asked for, read from a message's data and validated, so the application only acts. */
sealed interface ChatRequest {

    /** The longest display name, in characters. */
    int MAX_NAME = 32;
    /** The longest message text, in characters. */
    int MAX_TEXT = 2000;

    /** @param name the wanted display name, trimmed and valid */
    record Rename(String name) implements ChatRequest {
    }

    /** @param text the message's text, trimmed and valid */
    record Say(String text) implements ChatRequest {
    }

    /**
     * @param to the id of the signed-in person it is for
     * @param text the message's text, trimmed and valid
     */
    record Private(String to, String text) implements ChatRequest {
    }

    /** Sign the sender out on every browser of theirs: {@code {"signOut": true}}. */
    record SignOut() implements ChatRequest {
    }

    /** @param reason what was wrong and what to send instead, for the sender's eyes */
    record Invalid(String reason) implements ChatRequest {
    }

    /**
     * @param data a message's data as the application received it
     * @return the request it makes, or why it makes none
     */
    static ChatRequest parse(Object data) {
        if (data instanceof Map<?, ?> map && map.containsKey("signOut")) {
            return Boolean.TRUE.equals(map.get("signOut")) && map.size() == 1 ? new SignOut()
                    : new Invalid("Send {\"signOut\": true}, and nothing else, to sign out.");
        }
        if (!(data instanceof Map<?, ?> map) || map.containsKey("text") == map.containsKey("name")) {
            return new Invalid("Send {\"text\": \"...\"} to say something, or {\"name\": \"...\"} to change your"
                    + " name.");
        }
        if (map.containsKey("to")) {
            return privately(map.get("to"), say(map.get("text")));
        }
        return map.containsKey("name") ? rename(map.get("name")) : say(map.get("text"));
    }

    private static ChatRequest privately(Object to, ChatRequest said) {
        if (!(to instanceof String person) || person.isBlank() || length(person) > MAX_NAME) {
            return new Invalid("A private message is {\"to\": \"bob\", \"text\": \"...\"}: 'to' names the person.");
        }
        return said instanceof Say say ? new Private(person.strip().toLowerCase(java.util.Locale.ROOT), say.text())
                : said;
    }

    private static ChatRequest rename(Object name) {
        String trimmed = name instanceof String s ? s.trim() : null;
        if (trimmed == null || trimmed.isEmpty() || length(trimmed) > MAX_NAME) {
            return new Invalid("A name is 1 to " + MAX_NAME + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            return new Invalid("A name cannot contain line breaks, tabs or other control characters.");
        }
        return new Rename(trimmed);
    }

    private static ChatRequest say(Object text) {
        if (!(text instanceof String s)) {
            return new Invalid("A message's text is a string of 1 to " + MAX_TEXT + " characters.");
        }
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            return new Invalid("The message is empty: type something before sending.");
        }
        if (length(trimmed) > MAX_TEXT) {
            return new Invalid("A message is at most " + MAX_TEXT + " characters; this one has " + length(trimmed)
                    + ".");
        }
        return new Say(trimmed);
    }

    /** Counts what a person sees as characters, so an emoji is one, not two UTF-16 units. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
