package org.thywill.api.push;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;

/**
 * The slot that sends messages from the server to clients, at any time, from any thread: to one connection, to
 * every connection of a session, or to the members of an application's channel; and that keeps channel membership
 * and presence.
 *
 * <p>Channel membership belongs to a session (a browser), not to a connection (a tab): every live connection of a
 * member session to the channel's application receives the channel's messages, including connections that arrive
 * after the session joined (another tab, a reconnection, a reload, a reconnection after a server restart).
 * Membership is stored by the Database, so it lasts until the application ends it.
 *
 * <p>The Push owns delivery: it keeps the session inboxes (numbered messages kept until the client library
 * acknowledges them, hearing acknowledgements through the {@link org.thywill.api.client.AcknowledgementListener} it
 * registers with the Client Interface), addressing, membership and presence, and hands each message, encoded once,
 * to the Client Interface's connections. Envelopes are JSON objects such as {@code {"type":"message","data":...}};
 * see {@link Envelopes}. Messages to one connection arrive in the order they were sent from one thread.
 */
public interface Push extends Component {

    /**
     * Sends an application's message to a target: one connection, every connection of a session (through its
     * inbox), or the members of one of the application's channels, with an optional exclusion. Never blocks on the
     * network or the Database; messages from one thread to one connection arrive in the order sent.
     *
     * @param applicationId the sending application; the client receives on {@code /thywill/{applicationId}}, or
     *                      {@code /thywill/{applicationId}/channel/{channel}} for a channel
     * @param target where it goes
     * @param envelope the envelope, for example {@link Envelopes#message}
     * @return how many live connections it was queued for now, and its receipt: for a connection or session asked
     *         {@code withReceipt()}, completes when the client library acknowledged it after the page's handler
     *         ran, or fails with a {@link org.thywill.api.delivery.DeliveryFailedException} (the connection ended
     *         first, {@code DISCONNECTED}; it waited longer than {@code inboxMaxAge}, {@code EXPIRED}; ...);
     *         otherwise already failed, saying how to ask for one
     * @throws IllegalArgumentException if a channel's name is not valid
     */
    Sent send(String applicationId, Target target, Map<String, Object> envelope);

    /**
     * Makes the connection's session a member of a channel, as {@link #joinSession} does; a connection of a page
     * of another application is also attached to this application's channels from now on. Idempotent. A
     * connection that is no longer live is ignored.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param connection the connection
     * @throws IllegalArgumentException if the channel's name is not valid
     */
    void join(String applicationId, String channel, ConnectionId connection);

    /**
     * Ends the membership of the connection's session, as {@link #leaveSession} does: none of its connections
     * receives the channel's messages any more. Idempotent. A connection that is no longer live is ignored.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param connection the connection
     */
    void leave(String applicationId, String channel, ConnectionId connection);

    /**
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return a snapshot of the live connections that receive the channel's messages now
     */
    Set<ConnectionId> members(String applicationId, String channel);

    /**
     * Makes a session a member of a channel, connected or not, and stores it. Idempotent. A session that is
     * connected now becomes present at once (its presence listener hears {@code joined}).
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param session the session
     * @throws IllegalArgumentException if the channel's name is not valid
     * @throws org.thywill.api.ThywillException if the session is not connected here and the Database cannot
     *                                          store the membership (a connected session keeps it in memory,
     *                                          and the failure is logged)
     */
    void joinSession(String applicationId, String channel, SessionId session);

    /**
     * Ends a session's membership of a channel, in memory and in the Database. Idempotent. A present session
     * leaves at once, without the grace period.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param session the session
     */
    void leaveSession(String applicationId, String channel, SessionId session);

    /**
     * Makes a user a member of a channel as a person: each of their sessions now, and each session they connect from
     * later, becomes a member as by {@link #joinSession}. Stored by the Database; done behind the call.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param userId the user's id
     * @throws IllegalArgumentException if the channel's name or the user's id is not valid
     * @throws UnsupportedOperationException if this Push cannot (the default)
     */
    default void joinUser(String applicationId, String channel, String userId) {
        throw new UnsupportedOperationException("This Push cannot make users channel members");
    }

    /**
     * Ends a user's membership of a channel and that of each of their sessions, behind the call. Idempotent.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param userId the user's id
     * @throws UnsupportedOperationException if this Push cannot (the default)
     */
    default void leaveUser(String applicationId, String channel, String userId) {
        throw new UnsupportedOperationException("This Push cannot make users channel members");
    }

    /**
     * Reads the Database: meant for occasional questions, not for every message.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return the channel's member sessions, connected or not
     */
    Set<SessionId> memberSessions(String applicationId, String channel);

    /**
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return a snapshot of the sessions present in the channel now, in no particular order
     */
    List<PresentSession> presence(String applicationId, String channel);

    /**
     * Sets the listener told of presence changes in an application's channels, replacing the one set before
     * (so a redeployed version of an application replaces its predecessor's).
     *
     * @param applicationId the application
     * @param listener the listener; {@link PresenceListener#NONE} or null to stop listening
     */
    void presenceListener(String applicationId, PresenceListener listener);

    /**
     * Logs a user out everywhere: ends every connection of the user, on every node, each page told
     * {@code {"code": "signed-out", "message": message}} first. Their sessions stay the user's (a send to the user
     * waits in their inboxes) and the pages may connect again with new credentials: the host application ends its
     * own login so that they get none.
     *
     * @param userId the user's id
     * @param message what the pages may show, for example "Your password was changed"
     * @return how many of the user's connections this node ended now (other nodes end theirs as they hear of it)
     * @throws UnsupportedOperationException if this Push cannot (the default)
     */
    default int disconnectUser(String userId, String message) {
        throw new UnsupportedOperationException("This Push cannot end a user's connections");
    }
}
