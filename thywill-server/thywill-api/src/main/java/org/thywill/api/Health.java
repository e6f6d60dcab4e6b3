package org.thywill.api;

import java.util.Objects;

/**
 * A component's state as {@code GET /thywill/health} reports it.
 *
 * @param up whether the component can do its work now
 * @param detail a short sentence: what it is connected to, or why it is down
 */
public record Health(boolean up, String detail) {

    /** Validates. */
    public Health {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param detail what the component is doing
     * @return an up state
     */
    public static Health up(String detail) {
        return new Health(true, detail);
    }

    /**
     * @param reason why the component cannot work, and what to check
     * @return a down state
     */
    public static Health down(String reason) {
        return new Health(false, reason);
    }
}
