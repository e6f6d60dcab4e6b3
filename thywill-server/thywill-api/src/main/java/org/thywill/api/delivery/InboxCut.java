package org.thywill.api.delivery;

import java.util.Objects;
import org.thywill.api.client.SessionId;

/**
 * The acknowledged part of a session's inbox for one application: its entries up to a sequence number.
 *
 * @param session the session
 * @param applicationId the application
 * @param upToSeq the highest seq to remove, inclusive
 */
public record InboxCut(SessionId session, String applicationId, long upToSeq) {

    /** Validates. */
    public InboxCut {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
