package org.thywill.api.delivery;

/** Why a receipted message will never be acknowledged. */
public enum DeliveryFailure {
    /** It waited in the inbox longer than {@code inboxMaxAge} without being acknowledged. */
    EXPIRED,
    /** The inbox held {@code inboxMaxMessages} unacknowledged messages; the oldest was dropped for a newer one. */
    OVERFLOW,
    /** The server stopped before the acknowledgement came; the message itself stays in the stored inbox. */
    SERVER_STOPPED,
    /** The target connection ended, or was not live, before acknowledging; a send to a connection is not kept. */
    DISCONNECTED,
    /** In a cluster: no node took the message for its target in time, or the node that held it went down before
     *  the acknowledgement came (the message itself may still wait in the stored inbox). */
    NODE_LOST,
    /** Sent to a user who has no session: they never connected with their credentials, or every session of theirs
     *  expired. */
    NO_SESSION
}
