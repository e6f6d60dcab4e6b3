package org.thywill.api.delivery;

import java.time.Instant;
import org.thywill.api.client.SessionId;

/**
 * One message waiting in a session's inbox for one application.
 *
 * @param session the session it is for
 * @param applicationId the sending application
 * @param seq its sequence number: increasing within (session, application), also across server restarts
 * @param envelope the envelope as JSON text, exactly as the client receives it
 * @param createdAt when it was sent
 */
public record InboxEntry(SessionId session, String applicationId, long seq, String envelope, Instant createdAt) {
}
