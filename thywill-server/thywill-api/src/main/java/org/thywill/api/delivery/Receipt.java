package org.thywill.api.delivery;

import java.time.Instant;

/**
 * Proof that a session's client library acknowledged a message, after the application's handler in the browser
 * had run.
 *
 * @param seq the message's sequence number in its session's inbox, or its receipt number for a message sent to
 *            one connection
 * @param acknowledgedAt when the server received the acknowledgement
 */
public record Receipt(long seq, Instant acknowledgedAt) {
}
