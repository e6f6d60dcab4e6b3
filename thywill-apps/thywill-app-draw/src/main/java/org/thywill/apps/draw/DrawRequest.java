package org.thywill.apps.draw;

import java.util.Map;

/** What a page asked for, read from a message's data and validated, so the application only acts. */
sealed interface DrawRequest {

    /** The most points one stroke may have; a page sends a long line as several strokes. */
    int MAX_POINTS = 500;
    /** The largest coordinate; the smallest is 0. */
    int MAX_COORDINATE = 10_000;
    /** The thinnest line. */
    int MIN_WIDTH = 1;
    /** The widest line. */
    int MAX_WIDTH = 50;

    /** @param stroke the stroke to show on every other page */
    record Draw(Stroke stroke) implements DrawRequest {
    }

    /** Clear the canvas, for everyone. */
    record Clear() implements DrawRequest {
    }

    /** @param reason what was wrong and what to send instead, for the sender's eyes */
    record Invalid(String reason) implements DrawRequest {
    }

    /**
     * @param data a message's data as the application received it
     * @return the request it makes, or why it makes none
     */
    static DrawRequest parse(Object data) {
        if (data instanceof Map<?, ?> map && map.size() == 1) {
            if (map.containsKey("stroke")) {
                return StrokeParser.parse(map.get("stroke"));
            }
            if (Boolean.TRUE.equals(map.get("clear"))) {
                return new Clear();
            }
        }
        return new Invalid("Send {\"stroke\": {...}} to draw, or {\"clear\": true} to clear the canvas.");
    }
}
