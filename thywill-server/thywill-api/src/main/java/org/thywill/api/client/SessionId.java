package org.thywill.api.client;

import java.util.Objects;

/**
 * One browser's session: every tab of the browser shares it, through an HttpOnly cookie. Unguessable; never shown
 * to page scripts.
 *
 * @param value the id
 */
public record SessionId(String value) {

    /** Validates. */
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
