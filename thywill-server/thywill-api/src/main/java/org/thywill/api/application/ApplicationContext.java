package org.thywill.api.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.session.SessionData;

/**
 * An application's view of the server. Every method is thread-safe and may be called at any time after
 * {@link Application#start}, from any thread. Sends never block on the network: they queue the message and return.
 *
 * <p>Data is a JSON value tree (Map, List, String, Number, Boolean, null); clients receive it as
 * {@code {"type":"message","data":data}}.
 *
 * <p>Channels: membership belongs to a session (a browser), not to one of its connections (tabs). Every live
 * connection of a member session to this application receives the channel's messages, also connections that
 * arrive later (another tab, a reconnection after a network cut, a reload, a reconnection after a server restart).
 * Membership is stored by the Database and lasts until the application ends it with {@link #leave} or
 * {@link #leaveSession}. Presence says which member sessions are connected now; see {@link PresenceListener}.
 */
public interface ApplicationContext {

    /** @return the application's id */
    String applicationId();

    /**
     * @param connection the target
     * @param data the message data
     * @return true if the connection is live and the message was queued
     */
    boolean send(ConnectionId connection, Object data);

    /**
     * @param session the target: every connection of the session (every tab of one browser)
     * @param data the message data
     * @return how many connections it was queued for
     */
    int sendToSession(SessionId session, Object data);

    /**
     * Sends to one connection, as {@link #send} does, and says when it arrived. The message is not kept for the
     * session: use {@link #sendToSessionReceipted} for a message that must wait for a reconnection.
     *
     * @param connection the target
     * @param data the message data
     * @return completes when the connection's client library acknowledged the message, after the page's handler
     *         ran; fails with a {@link org.thywill.api.delivery.DeliveryFailedException} whose reason is
     *         {@code DISCONNECTED} (the connection was not live or ended first) or {@code EXPIRED} (no
     *         acknowledgement within {@code inboxMaxAge}). Completes on a thread of the server.
     */
    default CompletionStage<Receipt> sendReceipted(ConnectionId connection, Object data) {
        throw new UnsupportedOperationException("This server's Application Interface does not give receipts");
    }

    /**
     * Sends to every connection of a session, as {@link #sendToSession} does (through the session's inbox: kept
     * until acknowledged, replayed in order after a reconnection or a restart), and says when it arrived.
     *
     * @param session the target
     * @param data the message data
     * @return completes when the session's client library acknowledged the message, after the page's handler
     *         ran; fails with a {@link org.thywill.api.delivery.DeliveryFailedException} whose reason is
     *         {@code EXPIRED} (not acknowledged within {@code inboxMaxAge}) or {@code OVERFLOW} (dropped past
     *         {@code inboxMaxMessages}). Completes on a thread of the server: do not block in its callbacks.
     */
    default CompletionStage<Receipt> sendToSessionReceipted(SessionId session, Object data) {
        throw new UnsupportedOperationException("This server's Application Interface does not give receipts");
    }

    /**
     * @param channel the channel's name
     * @param data the message data
     * @return how many connections it was queued for
     */
    default int sendToChannel(String channel, Object data) {
        return sendToChannel(channel, data, null);
    }

    /**
     * Sends to the channel's members: through each present member session's inbox, so that a page reloading (or
     * reconnecting within the presence grace) gets it afterwards, in order, once (documentation/protocol.md).
     *
     * @param channel the channel's name
     * @param data the message data
     * @param excluded a connection not to send to, or null
     * @return how many connections it was queued for
     */
    int sendToChannel(String channel, Object data, ConnectionId excluded);

    /**
     * Sends to the channel's live connections only, at most once, neither numbered nor kept: for data that is
     * stale a moment later (pointer positions, prices that tick), where an inbox entry per member would cost more
     * than losing one is worth. A page that reloads misses what was sent meanwhile. A Push that cannot tell the
     * difference sends as {@link #sendToChannel(String, Object, ConnectionId)} does.
     *
     * @param channel the channel's name
     * @param data the message data
     * @param excluded a connection not to send to, or null
     * @return how many connections it was queued for
     */
    default int sendToChannelVolatile(String channel, Object data, ConnectionId excluded) {
        return sendToChannel(channel, data, excluded);
    }

    /**
     * Sends to every connection of the channel's members but the connections of one session: for example, to
     * tell everyone else that this session arrived.
     *
     * @param channel the channel's name
     * @param data the message data
     * @param excluded the session whose connections are skipped, or null
     * @return how many connections it was queued for
     */
    int sendToChannelExcept(String channel, Object data, SessionId excluded);

    /**
     * Makes the connection's session a member of one of this application's channels (see {@link #joinSession}):
     * every tab of that browser receives the channel's messages, now and after reconnecting. Clients cannot join
     * channels themselves. A connection that has gone is ignored. Writes to the Database the first time.
     *
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param connection the connection
     * @throws IllegalArgumentException if the name is not valid
     */
    void join(String channel, ConnectionId connection);

    /**
     * Ends the membership of the connection's session (see {@link #leaveSession}): none of its tabs receives the
     * channel's messages any more. A connection that has gone is ignored.
     *
     * @param channel the channel's name
     * @param connection the connection
     */
    void leave(String channel, ConnectionId connection);

    /**
     * Makes a session a member of one of this application's channels, whether it is connected or not, and stores
     * the membership in the Database. Idempotent. If the session is connected, it becomes present at once.
     *
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param session the session
     * @throws IllegalArgumentException if the name is not valid
     * @throws org.thywill.api.ThywillException if the session is not connected and the Database cannot store it;
     *                                          a connected session keeps its membership while connected and the
     *                                          failure is logged
     */
    void joinSession(String channel, SessionId session);

    /**
     * Ends a session's membership of a channel, in memory and in the Database. Idempotent. A present session
     * leaves the channel's presence at once, without the grace period.
     *
     * @param channel the channel's name
     * @param session the session
     */
    void leaveSession(String channel, SessionId session);

    /**
     * @param channel the channel's name
     * @return a snapshot of the live connections that receive the channel's messages now
     */
    Set<ConnectionId> members(String channel);

    /**
     * Reads the Database; for occasional questions, not for every message.
     *
     * @param channel the channel's name
     * @return the channel's member sessions, connected or not
     */
    Set<SessionId> memberSessions(String channel);

    /**
     * Who is in a channel now: its member sessions that have a live connection to this application, or lost
     * their last one within the grace period. Never reads the Database.
     *
     * @param channel the channel's name
     * @return a snapshot, in no particular order
     */
    List<PresentSession> presence(String channel);

    /**
     * Sets the listener told when sessions join or leave the presence of this application's channels, replacing
     * the one set before. Call it in {@link Application#start}; an application that is undeployed should clear it
     * in {@link Application#stop} with {@link PresenceListener#NONE}.
     *
     * @param listener the listener, or {@link PresenceListener#NONE}
     */
    void onPresence(PresenceListener listener);

    /** @return the Database component's pooled data source, for the application's own tables */
    DataSource dataSource();

    /**
     * Where the application registers meters of its own, served at {@code GET /thywill/metrics} with the tag
     * {@code application} set to its id. Start names with the application's id ({@code chat.rooms}).
     *
     * @return the application's metrics; {@link Metrics#none()} by default
     */
    default Metrics metrics() {
        return Metrics.none();
    }

    /**
     * The server's view and actions, for the admin console alone: given only to an application that asks for
     * {@link Capability#ADMIN}, and only when {@code server.admin} is on.
     *
     * @return present for the admin console when it is on; empty for every other application
     */
    default Optional<AdminAccess> admin() {
        return Optional.empty();
    }

    /**
     * One session's data in this application ({@link SessionData}): typed attributes every tab of the browser
     * shares, on every node, until the session expires. Call it wherever a session is at hand: with
     * {@code request.session()} in {@link Application#beforePage} and {@link Application#renderBody}, with
     * {@code connection.session()} in {@link Application#onConnect} and {@link Application#onMessage}. Making the
     * view reads nothing; each of its calls reads or writes the Database.
     *
     * @param session the session
     * @return its data in this application
     * @throws UnsupportedOperationException if this server's Application Interface cannot reach session data
     */
    default SessionData session(SessionId session) {
        throw new UnsupportedOperationException("This server's Application Interface does not keep session data");
    }
}
