package org.thywill.api.client;

import java.util.Map;

/**
 * Told of the delivery protocol's side of what clients say: which connections acknowledge what they handled, their
 * acknowledgements, and when a connection fell behind. Registered with
 * {@link ClientInterface#acknowledgements(AcknowledgementListener)} by the Push, which keeps the session inboxes, as
 * the Application Interface registers its {@link MessageRouter}. Every method has a default, so an implementation
 * overrides what it needs.
 *
 * <p>Called on the transport thread that read what the client said; a listener must not block. For one connection,
 * {@link #acknowledging} comes before the {@link ConnectionListener}s hear {@code connected}, and acknowledgements
 * come in the order the client sent them.
 */
public interface AcknowledgementListener {

    /** Listens to nothing: acknowledgements are dropped until a listener is registered. */
    AcknowledgementListener NONE = new AcknowledgementListener() {
    };

    /**
     * A connection arrived whose client library acknowledges what its page handled (it said so in its handshake):
     * it is to be sent numbered messages and replayed what it has not handled yet. Called before the
     * {@link ConnectionListener}s hear of it; a connection that does not acknowledge is never named here.
     *
     * @param connection the new connection
     * @param handled the last sequence number its client library handled, per running application (at most 64)
     */
    default void acknowledging(Connection connection, Map<String, Long> handled) {
    }

    /**
     * The client library handled every numbered message of an application up to a sequence number.
     *
     * @param from the connection that said so
     * @param applicationId the application
     * @param upToSeq the highest sequence number handled
     */
    default void acknowledged(Connection from, String applicationId, long upToSeq) {
    }

    /**
     * The client library handled a message sent to its connection with a receipt number.
     *
     * @param from the connection that said so
     * @param receipt the message's receipt number
     */
    default void receiptAcknowledged(Connection from, long receipt) {
    }

    /**
     * More messages waited for the connection than the transport keeps, and it dropped them: numbered messages are
     * to be sent again from the inboxes, a batch at a time, each after the previous one is acknowledged.
     *
     * @param connection the connection
     * @param batch how many messages the transport takes at a time for it
     */
    default void fellBehind(Connection connection, int batch) {
    }
}
