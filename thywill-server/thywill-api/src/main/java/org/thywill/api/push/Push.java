package org.thywill.api.push;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.thywill.api.Component;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Receipt;
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
 * <p>Envelopes are JSON objects such as {@code {"type":"message","data":...}}; see {@link Envelopes}. Messages to
 * one connection arrive in the order they were sent from one thread.
 *
 * <p>The methods added with session membership have defaults that throw {@link UnsupportedOperationException},
 * so that a Push written before them still compiles and says what it lacks when used.
 */
public interface Push extends Component {

    /**
     * @param connection the target connection
     * @param applicationId the sending application; the client receives on {@code /thywill/{applicationId}}
     * @param envelope the envelope
     * @return true if the connection was known and the message queued for it
     */
    boolean toConnection(ConnectionId connection, String applicationId, Map<String, Object> envelope);

    /**
     * @param session the target session
     * @param applicationId the sending application
     * @param envelope the envelope
     * @return how many connections of the session it was queued for
     */
    int toSession(SessionId session, String applicationId, Map<String, Object> envelope);

    /**
     * Sends to one connection, as {@link #toConnection} does, and says when its client acknowledged it.
     *
     * @param connection the target connection
     * @param applicationId the sending application
     * @param envelope the envelope
     * @return completes when the connection's client library acknowledged the message, after the page's handler
     *         ran; fails with a {@link org.thywill.api.delivery.DeliveryFailedException} when the connection ends
     *         first ({@code DISCONNECTED}) or the acknowledgement does not come within {@code inboxMaxAge}
     */
    default CompletionStage<Receipt> toConnectionReceipted(ConnectionId connection, String applicationId,
                                                           Map<String, Object> envelope) {
        throw unsupported("toConnectionReceipted");
    }

    /**
     * Sends to a session through its inbox, as {@link #toSession} does, and says when the client acknowledged it.
     *
     * @param session the target session
     * @param applicationId the sending application
     * @param envelope the envelope
     * @return completes when the session's client library acknowledged the message, after the page's handler
     *         ran; fails with a {@link org.thywill.api.delivery.DeliveryFailedException} when it expired or was
     *         dropped undelivered
     */
    default CompletionStage<Receipt> toSessionReceipted(SessionId session, String applicationId,
                                                        Map<String, Object> envelope) {
        throw unsupported("toSessionReceipted");
    }

    /**
     * Sends to every live connection of the channel's member sessions. Clients receive it on
     * {@code /thywill/{applicationId}/channel/{channel}}. Never reads the database.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param envelope the envelope
     * @param excluded a connection not to send to (usually the one whose message caused this), or null
     * @return how many connections it was queued for
     */
    int toChannel(String applicationId, String channel, Map<String, Object> envelope, ConnectionId excluded);

    /**
     * Sends to the live connections of the channel's member sessions, at most once, without the session inboxes
     * (see {@link org.thywill.api.delivery.Target.ToChannel#atMostOnce()}). By default as
     * {@link #toChannel}.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param envelope the envelope
     * @param excluded a connection not to send to, or null
     * @return how many connections it was queued for
     */
    default int toChannelVolatile(String applicationId, String channel, Map<String, Object> envelope,
                                  ConnectionId excluded) {
        return toChannel(applicationId, channel, envelope, excluded);
    }

    /**
     * Sends to every live connection of the channel's member sessions but those of one session, for example to
     * tell everyone else that this session arrived.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param envelope the envelope
     * @param excluded the session whose connections are skipped, or null
     * @return how many connections it was queued for
     */
    default int toChannelExcept(String applicationId, String channel, Map<String, Object> envelope,
                                SessionId excluded) {
        throw unsupported("toChannelExcept");
    }

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
    default void joinSession(String applicationId, String channel, SessionId session) {
        throw unsupported("joinSession");
    }

    /**
     * Ends a session's membership of a channel, in memory and in the Database. Idempotent. A present session
     * leaves at once, without the grace period.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param session the session
     */
    default void leaveSession(String applicationId, String channel, SessionId session) {
        throw unsupported("leaveSession");
    }

    /**
     * Reads the Database: meant for occasional questions, not for every message.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return the channel's member sessions, connected or not
     */
    default Set<SessionId> memberSessions(String applicationId, String channel) {
        throw unsupported("memberSessions");
    }

    /**
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return a snapshot of the sessions present in the channel now, in no particular order
     */
    default List<PresentSession> presence(String applicationId, String channel) {
        throw unsupported("presence");
    }

    /**
     * Sets the listener told of presence changes in an application's channels, replacing the one set before
     * (so a redeployed version of an application replaces its predecessor's).
     *
     * @param applicationId the application
     * @param listener the listener; {@link PresenceListener#NONE} or null to stop listening
     */
    default void presenceListener(String applicationId, PresenceListener listener) {
        throw unsupported("presenceListener");
    }

    private UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("The Push " + getClass().getName() + " does not keep session"
                + " membership and presence (" + method + "); choose the push implementation cometd.");
    }
}
