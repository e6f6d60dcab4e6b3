package org.thywill.api.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.thywill.api.Component;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.push.Envelopes;

/**
 * The slot that talks to browsers: it serves HTTP (the bootstrap page, resources, endpoints) and a Comet transport,
 * assigns sessions, relays client messages to the {@link MessageRouter}, and delivers server messages to the
 * connections it holds locally.
 *
 * <p>All methods are thread-safe.
 */
public interface ClientInterface extends Component {

    /**
     * Starts accepting connections. The kernel calls it once every component has started, so no client reaches a
     * component that is not ready.
     *
     * @throws Exception when the port cannot be bound
     */
    void open() throws Exception;

    /**
     * Begins a graceful shutdown, before the kernel stops any component: refuses new connections and tells the
     * connected clients to connect again (a load balancer then sends them to another node), while messages already
     * accepted are still delivered and stored. Called at most once, from the kernel's shutdown thread; must return
     * within a few seconds. The default does nothing.
     */
    default void drain() {
    }

    /** @return the port the server listens on (the real one when the settings asked for port 0); -1 before open */
    int port();

    /**
     * Sets who receives client messages. Until one is set, client messages are answered with an error.
     *
     * @param router the router, usually the Application Interface
     */
    void route(MessageRouter router);

    /**
     * @param listener told of every connection and disconnection from now on
     */
    void addListener(ConnectionListener listener);

    /**
     * Delivers one message to many local connections at once; the implementation encodes it once. Connections that
     * are not (or no longer) here are skipped.
     *
     * @param targets the connections
     * @param channel the channel the client receives it on, for example {@code /thywill/echo}
     * @param data the message data, a JSON value tree
     * @return how many connections it was queued for
     */
    int deliver(Collection<ConnectionId> targets, String channel, Map<String, Object> data);

    /**
     * Delivers an application's message to one connection and completes the receipt when its client library
     * acknowledges it, after the page's handlers ran. The message is not kept for the session: if the connection
     * ends first, the receipt fails with {@link org.thywill.api.delivery.DeliveryFailure#DISCONNECTED}.
     *
     * @param connection the connection
     * @param applicationId the sending application; the client receives on {@code /thywill/{applicationId}}
     * @param envelope the envelope; a {@code receipt} number is added
     * @param receipt completed on acknowledgement, or failed with a
     *                {@link org.thywill.api.delivery.DeliveryFailedException}
     * @return true if the connection is live here and the message was queued
     */
    default boolean deliverReceipted(ConnectionId connection, String applicationId, Map<String, Object> envelope,
                                     CompletableFuture<Receipt> receipt) {
        receipt.completeExceptionally(new UnsupportedOperationException("This Client Interface gives no receipts"));
        return false;
    }

    /**
     * Delivers an application's message to every connection of a session through the session's inbox: the
     * message gets the next sequence number of (session, application), is kept until the client library
     * acknowledges it (also while the session has no connection, and across a restart when the Database stores
     * inboxes), and is replayed in order to the session's next connection. The default, for a Client Interface
     * without an inbox, delivers once to the live connections and never completes the receipt.
     *
     * @param session the session
     * @param applicationId the sending application; the client receives on {@code /thywill/{applicationId}}
     * @param envelope the envelope; the inbox adds its {@code seq}
     * @param receipt completed when the client acknowledges the message, or failed with a
     *                {@link org.thywill.api.delivery.DeliveryFailedException}; null when nobody waits
     * @return how many live connections it was queued for now
     */
    default int deliverToSession(SessionId session, String applicationId, Map<String, Object> envelope,
                                 CompletableFuture<Receipt> receipt) {
        return deliver(connectionsOf(session), Envelopes.applicationChannel(applicationId), envelope);
    }

    /**
     * Delivers an application channel's message to member sessions through their inboxes, as
     * {@link #deliverToSession} does, so that a member reloading its page (present, with no connection for a
     * moment) misses nothing. Sessions whose connections are all plain CometD clients, which never acknowledge,
     * get it once, encoded once for all of them. Numbered messages carry the channel's name as {@code channel}.
     * The default, for a Client Interface without an inbox, delivers once to the sessions' live connections.
     *
     * @param sessions the member sessions to deliver to
     * @param applicationId the application owning the channel
     * @param channel the channel's name; the client receives on {@code /thywill/{applicationId}/channel/{channel}}
     * @param envelope the envelope
     * @param excluded a connection to leave out, or null
     * @return how many live connections it was queued for now
     */
    default int deliverToChannel(Collection<SessionId> sessions, String applicationId, String channel,
                                 Map<String, Object> envelope, ConnectionId excluded) {
        List<ConnectionId> targets = new ArrayList<>();
        for (SessionId session : sessions) {
            for (ConnectionId connection : connectionsOf(session)) {
                if (!connection.equals(excluded)) {
                    targets.add(connection);
                }
            }
        }
        return deliver(targets, Envelopes.channel(applicationId, channel), envelope);
    }

    /**
     * @param id a connection id
     * @return the connection, if it is connected here
     */
    Optional<Connection> connection(ConnectionId id);

    /**
     * @param session a session
     * @return its connections held here
     */
    Collection<ConnectionId> connectionsOf(SessionId session);
}
