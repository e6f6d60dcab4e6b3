package org.thywill.api.client;

import java.util.Objects;

/**
 * One browser tab's (or other client's) Comet connection. Each handshake creates a new one.
 *
 * @param value the id, as the transport assigned it
 */
public record ConnectionId(String value) {

    /** Validates. */
    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
