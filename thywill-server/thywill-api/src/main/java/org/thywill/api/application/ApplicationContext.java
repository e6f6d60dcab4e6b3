package org.thywill.api.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.session.SessionData;

/**
 * An application's view of the server. Every method is thread-safe and may be called at any time after
 * {@link Application#start}, from any thread. There is one way out, {@link #send}: it never blocks on the network,
 * it queues the message and returns.
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
     * Sends a message to one connection, every connection of one session, or the members of one of this
     * application's channels; the {@link Target} says which, and whether the client acknowledges it:
     * <pre>{@code
     * context.send(Target.connection(from.id()), reply);                        // this tab alone
     * context.send(Target.session(from.session()), note);                       // every tab of this browser
     * context.send(Target.channel("room").except(from.id()), line);             // everyone else in the room
     * context.send(Target.channel("cursors").except(from.id()).atMostOnce(), xy); // stale a moment later
     * context.send(Target.connection(id).withReceipt(), data).receipt()
     *         .thenAccept(receipt -> ...);                                      // after the page's handler ran
     * }</pre>
     *
     * <p>Clients receive {@code {"type":"message","data":data}}: on {@code /thywill/{applicationId}} from a
     * connection or session target, on {@code /thywill/{applicationId}/channel/{channel}} from a channel.
     *
     * <p>Per target:
     * <ul>
     * <li>{@link Target#connection}: that connection alone, at most once; not kept if it ends first. With
     *     {@link Target.ToConnection#withReceipt()}, the receipt completes when its client library acknowledged
     *     the message and fails with {@link org.thywill.api.delivery.DeliveryFailedException} whose reason is
     *     {@code DISCONNECTED} (the connection was not live, or ended first) or {@code EXPIRED} (no
     *     acknowledgement within {@code inboxMaxAge}).</li>
     * <li>{@link Target#session}: through the session's inbox, numbered, kept until its client library
     *     acknowledges it (also while it has no connection, and across a restart), replayed in order to its next
     *     connection. With {@link Target.ToSession#withReceipt()}, the receipt completes on that acknowledgement
     *     and fails with reason {@code EXPIRED} (not acknowledged within {@code inboxMaxAge}), {@code OVERFLOW}
     *     (dropped past {@code inboxMaxMessages}) or, in a cluster, {@code NODE_LOST}.</li>
     * <li>{@link Target#channel}: through each present member session's inbox, so that a page reloading (or
     *     reconnecting within the presence grace) gets it afterwards, in order, once (documentation/protocol.md);
     *     with {@link Target.ToChannel#atMostOnce()}, once to the live connections only, neither numbered nor kept.
     *     A channel send gives no receipt: send to each session for one.</li>
     * <li>{@link Target#user}: through the inbox of each session of the user (every browser and device, on every
     *     node), found in the Database behind the call; {@code queued} counts the user's live connections on this
     *     node. With {@link Target.ToUser#withReceipt()}, the receipt completes on the first acknowledgement by any
     *     of the user's pages, fails once every copy failed, and fails with {@code NO_SESSION} for a user without a
     *     session (documentation/authentication.md).</li>
     * </ul>
     *
     * <p>Threading and ordering: callable from any thread; it never blocks on the network, it queues the message
     * and returns. Messages sent from one thread to one connection or one session arrive in the order they were
     * sent. A receipt completes on a thread of the server: do not block in its callbacks.
     *
     * @param target where it goes
     * @param data the message data, a JSON value tree
     * @return how many live connections it was queued for now (a session's inbox keeps it also when that is 0),
     *         and its {@link Sent#receipt()}: already failed with an {@link UnsupportedOperationException} when
     *         the target asked for none
     * @throws UnsupportedOperationException if this server's Push cannot reach the target as asked (a channel
     *                                       target that leaves out a session and also a connection, or that
     *                                       leaves out a session at most once); the message says which
     */
    Sent send(Target target, Object data);

    /**
     * Tells the page that sent a message what became of the application's forward of it: the sending connection
     * receives {@code {"type":"receipt","id":<the message's id>,"outcome":"delivered"}} once a recipient's page
     * acknowledged the forward, or {@code "outcome":"failed","reason":<DeliveryFailure>} when it never will, and its
     * browser library settles the {@code delivered} promise of that {@code send} (documentation/protocol.md).
     * <pre>{@code
     * public void onMessage(ClientMessage message) {
     *     Sent sent = context.send(Target.session(to).withReceipt(), message.data());
     *     context.reportDelivery(message, sent);
     * }
     * }</pre>
     * Nothing is reported for a message without an id, or when the sender's connection has ended by then.
     *
     * @param cause the client's message the send forwarded
     * @param sent what the send returned; it must have been asked {@code withReceipt()}
     * @throws IllegalArgumentException if the send was not asked for a receipt
     */
    default void reportDelivery(ClientMessage cause, Sent sent) {
        reportDelivery(cause, List.of(sent));
    }

    /**
     * As {@link #reportDelivery(ClientMessage, Sent)} for a message forwarded to several targets, such as each
     * session present in a channel: delivered as soon as one of them is acknowledged, failed (with the last
     * failure's reason) once every one failed.
     *
     * @param cause the client's message the sends forwarded
     * @param sends what each send returned, each asked {@code withReceipt()}
     * @throws IllegalArgumentException if there are no sends, or one was not asked for a receipt
     * @throws UnsupportedOperationException if this server's Application Interface cannot report deliveries
     */
    default void reportDelivery(ClientMessage cause, Collection<Sent> sends) {
        throw new UnsupportedOperationException("This server's Application Interface does not report deliveries");
    }

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
     * Makes a signed-in user a member of one of this application's channels as a person: each of their sessions
     * (browsers, devices) now, and each session they connect from later, becomes a member as by
     * {@link #joinSession}. Stored by the Database; done behind the call, so it takes effect a moment later.
     *
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @param userId the user's id, as {@link org.thywill.api.auth.User#id()} gives it
     * @throws IllegalArgumentException if the name or the id is not valid
     * @throws UnsupportedOperationException if this server's Push cannot
     */
    default void joinUser(String channel, String userId) {
        throw new UnsupportedOperationException("This server cannot make users channel members");
    }

    /**
     * Ends a user's membership of a channel, and that of each of their sessions, behind the call. Idempotent.
     *
     * @param channel the channel's name
     * @param userId the user's id
     * @throws UnsupportedOperationException if this server's Push cannot
     */
    default void leaveUser(String channel, String userId) {
        throw new UnsupportedOperationException("This server cannot make users channel members");
    }

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

    /**
     * Logs a user out everywhere: ends every connection of the user, to any application, on every node of a
     * cluster; each page is first told {@code {"code": "signed-out", "message": message}}, which the browser library
     * hands to {@code thywill.onAuthError}. The pages do not reconnect by themselves with the same credentials; the
     * host application ends its own login so that they get no new ones (documentation/authentication.md).
     *
     * @param userId the user's id, as {@link org.thywill.api.auth.User#id()} gives it
     * @param message what the pages may show, for example "Your password was changed"; at most 500 characters
     * @return how many of the user's connections this node ended now; other nodes end theirs at once
     * @throws IllegalArgumentException if the message is longer
     * @throws UnsupportedOperationException if this server's Push cannot
     */
    default int disconnectUser(String userId, String message) {
        throw new UnsupportedOperationException("This server cannot end a user's connections");
    }

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
