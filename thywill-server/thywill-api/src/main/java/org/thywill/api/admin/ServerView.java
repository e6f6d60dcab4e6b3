package org.thywill.api.admin;

import java.util.List;
import java.util.Optional;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;

/**
 * A read-only view of one running server (this node), and the actions an operator may take on it. Every method is
 * thread-safe, may be called from any thread, returns a snapshot, and never blocks on the network. What a
 * component's implementation does not offer is empty (an {@link Optional}) rather than an error.
 *
 * <p>Session ids are secrets: whoever shows what this returns must show {@link #fingerprint} of them, never the
 * ids.
 */
public interface ServerView {

    /** @return this node: its address, start time and Java runtime */
    NodeState node();

    /** @return every component slot, the implementation chosen for it and its health, in start order */
    List<ComponentState> components();

    /** @return the running applications, the default one first */
    List<ApplicationState> applications();

    /** @return the live connections of this node, or empty if the Client Interface does not list them */
    Optional<List<Connection>> connections();

    /**
     * @return the channels with at least one member connected to this node, or empty if the Push does not list
     *         them
     */
    Optional<List<ChannelState>> channels();

    /**
     * @return the cluster this node belongs to, as its Push knows it, or empty for a single node (or a Push that
     *         does not list nodes)
     */
    default Optional<ClusterAdmin> cluster() {
        return Optional.empty();
    }

    /** @return the current value of every meter whose name starts with {@code thywill.} */
    List<MeterSample> meters();

    /**
     * Ends every connection of a session to this node; their clients are told by the transport, and applications
     * hear {@code onDisconnect} with reason {@code SERVER}. A page may connect again.
     *
     * @param session the session
     * @return how many connections were ended; 0 if none was live or the Client Interface cannot
     */
    int disconnect(SessionId session);

    /**
     * Logs a user out everywhere, as {@link org.thywill.api.application.ApplicationContext#disconnectUser} does:
     * every connection of the user on every node ends, each page told {@code message}.
     *
     * @param userId the user's id
     * @param message what the pages may show, at most 500 characters
     * @return how many connections this node ended now
     * @throws UnsupportedOperationException if the Push cannot (the default)
     */
    default int disconnectUser(String userId, String message) {
        throw new UnsupportedOperationException("This server cannot end a user's connections");
    }

    /**
     * Sends a message to a target of an application (a session, a channel, a connection), as that application
     * would with {@code ApplicationContext.send}.
     *
     * @param applicationId the application whose pages receive it
     * @param target where it goes
     * @param data the message data, a JSON value tree
     * @return what was queued, and the receipt when the target asked for one
     */
    Sent send(String applicationId, Target target, Object data);

    /**
     * Stops an application and tells its pages {@code {"type":"undeployed","reason":"removed"}}. It stays
     * undeployed until {@link #redeploy} (or, for a jar, until the jar changes).
     *
     * @param applicationId the application
     * @return true if it ran and was stopped
     * @throws UnsupportedOperationException if the Application Interface cannot
     * @throws IllegalArgumentException for an application that asked for
     *     {@link org.thywill.api.application.Capability#ADMIN}: a console does not undeploy itself through its view
     */
    boolean undeploy(String applicationId);

    /**
     * Starts an application anew: a jar's applications are loaded again from the jar as it is now (as if it had
     * been replaced); one from the class path is stopped and started again. Its pages are told
     * {@code {"type":"undeployed","reason":"replaced"}} and reload.
     *
     * @param applicationId the application, running or undeployed by {@link #undeploy}
     * @return true if it runs again
     * @throws UnsupportedOperationException if the Application Interface cannot
     */
    boolean redeploy(String applicationId);

    /**
     * The short, stable name of a session to show and log instead of its id: the first 16 hex digits of the
     * SHA-256 of the id, as in the JSON log's {@code sessionId}.
     *
     * @param session a session
     * @return 16 lower-case hex digits
     */
    static String fingerprint(SessionId session) {
        return Fingerprints.of(session.value());
    }

    /**
     * The same fingerprint for a connection id, which is a secret too.
     *
     * @param connectionId a connection id
     * @return 16 lower-case hex digits
     */
    static String fingerprint(String connectionId) {
        return Fingerprints.of(connectionId);
    }
}
