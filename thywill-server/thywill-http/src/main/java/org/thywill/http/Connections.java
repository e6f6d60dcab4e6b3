package org.thywill.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.ServerView;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;

/**
 * The connections a Client Interface holds, by id and by session (for {@code connection(id)},
 * {@code connectionsOf(session)} and the admin console), and the telling of their coming and going: to the
 * {@link ConnectionListener}s, in the connection's logging context ({@link LogContext}), and to the metrics. A
 * listener that throws is logged and the others are still told. Thread-safe; a session's connections are an
 * immutable list, replaced whole when a tab comes or goes.
 */
public final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Map<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final Map<SessionId, List<ConnectionId>> bySession = new ConcurrentHashMap<>();
    /** Each connection's session fingerprint, computed once, for its logging context. */
    private final Map<ConnectionId, String> logIds = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    /** Connections this server is ending on purpose, so that their end is reported as SERVER. */
    private final Set<ConnectionId> ending = ConcurrentHashMap.newKeySet();
    private final ClientMetrics metrics;
    private volatile boolean stopping;

    /** @param metrics counts connections by transport and session, and disconnections by reason */
    public Connections(ClientMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param listener told of every connection that opens or closes from now on */
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    /**
     * Holds a connection that opened and tells the listeners.
     *
     * @param connection the connection
     * @param first run before the listeners are told, in the same context (a Push replays inboxes to a connection
     *              that acknowledges before its listeners hear of it); may be null
     */
    public void opened(Connection connection, Runnable first) {
        logIds.put(connection.id(), ServerView.fingerprint(connection.session()));
        byId.put(connection.id(), connection);
        bySession.compute(connection.session(), (s, ids) -> {
            List<ConnectionId> more = new ArrayList<>(ids == null ? List.of() : ids);
            more.add(connection.id());
            return List.copyOf(more);
        });
        metrics.connected(connection);
        logContext(connection);
        try {
            if (first != null) {
                safely(first, first);
            }
            for (ConnectionListener l : listeners) {
                safely(() -> l.connected(connection), l);
            }
        } finally {
            LogContext.clear();
        }
    }

    /** @param id a connection the server is about to end: its end is the server's doing, not the client's */
    public void endingByServer(ConnectionId id) {
        ending.add(id);
    }

    /** The server is shutting down: every connection that ends from now on ends by the server's doing. */
    public void stopping() {
        stopping = true;
    }

    /**
     * Forgets a connection that closed and tells the listeners why.
     *
     * @param id the connection
     * @param timeout whether it closed because its client fell silent
     */
    public void closed(ConnectionId id, boolean timeout) {
        boolean endedHere = ending.remove(id);
        String logId = logIds.remove(id);
        Connection removed = byId.remove(id);
        if (removed == null) {
            return;
        }
        bySession.computeIfPresent(removed.session(), (s, ids) -> {
            List<ConnectionId> fewer = new ArrayList<>(ids);
            fewer.remove(id);
            return fewer.isEmpty() ? null : List.copyOf(fewer);
        });
        DisconnectReason reason = endedHere || stopping ? DisconnectReason.SERVER
                : timeout ? DisconnectReason.TIMEOUT : DisconnectReason.CLIENT;
        metrics.disconnected(removed, reason);
        LogContext.set(removed, logId);
        try {
            for (ConnectionListener l : listeners) {
                safely(() -> l.disconnected(removed, reason), l);
            }
        } finally {
            LogContext.clear();
        }
    }

    /**
     * Sets the logging context of a held connection on this thread ({@link LogContext}); {@link LogContext#clear}
     * undoes it.
     *
     * @param connection the connection
     */
    public void logContext(Connection connection) {
        LogContext.set(connection, logIds.get(connection.id()));
    }

    private static void safely(Runnable call, Object listener) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("Listener {} failed", listener, e);
        }
    }

    /** @return the connection held under the id */
    public Optional<Connection> get(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the session's connections here, an immutable snapshot */
    public Collection<ConnectionId> ofSession(SessionId session) {
        return bySession.getOrDefault(session, List.of());
    }

    /** @return a snapshot of every connection held */
    public List<Connection> all() {
        return List.copyOf(byId.values());
    }

    /** @return how many connections are held */
    public int size() {
        return byId.size();
    }
}
