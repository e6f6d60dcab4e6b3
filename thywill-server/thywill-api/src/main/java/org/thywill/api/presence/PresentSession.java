package org.thywill.api.presence;

import java.util.Objects;
import org.thywill.api.client.SessionId;

/**
 * One session present in a channel, as {@link org.thywill.api.application.ApplicationContext#presence} reports it.
 *
 * @param session the session (one browser; never show its id to clients)
 * @param connections how many live connections (tabs) it has to the application; 0 while its last one is within
 *                    the grace period
 */
public record PresentSession(SessionId session, int connections) {

    /** Validates. */
    public PresentSession {
        Objects.requireNonNull(session, "session");
        if (connections < 0) {
            throw new IllegalArgumentException("connections must be at least 0, not " + connections);
        }
    }
}
