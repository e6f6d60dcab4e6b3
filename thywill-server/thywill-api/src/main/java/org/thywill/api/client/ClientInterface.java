package org.thywill.api.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.Component;

/**
 * The slot that talks to browsers: a transport. It serves HTTP (the bootstrap page, resources, endpoints) and a
 * Comet transport, assigns sessions, relays client messages to the {@link MessageRouter} and acknowledgements to the
 * {@link AcknowledgementListener}, tells of connections, and delivers messages, encoded once, to the connections it
 * holds locally. Addressing, inboxes, membership and presence belong to the Push, which builds them on this contract
 * (documentation/architecture.md says how to write another Client Interface).
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
     * Sets who hears acknowledgements (the Push, which keeps the session inboxes). Until one is set, they are
     * dropped. The Push sets it when it starts.
     *
     * @param listener the listener
     */
    void acknowledgements(AcknowledgementListener listener);

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

    /**
     * Ends a connection held here on the server's word, first telling its page why: the browser library hands
     * {@code {code, message}} to the page's {@code thywill.onAuthError} (documentation/protocol.md). The
     * connection's listeners hear of its end with {@link DisconnectReason#SERVER}. The default holds no connection.
     *
     * @param connection the connection
     * @param code a short code the page can act on, for example {@code signed-out}
     * @param message what the page may show
     * @return whether the connection was here and is being ended
     */
    default boolean close(ConnectionId connection, String code, String message) {
        return false;
    }
}
