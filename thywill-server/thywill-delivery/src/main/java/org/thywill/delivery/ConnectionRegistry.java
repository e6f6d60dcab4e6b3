package org.thywill.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * The connections a Client Interface holds, by id and by session, for {@code connection(id)},
 * {@code connectionsOf(session)} and the admin console: every transport needs the same look-ups. Thread-safe; a session's connections are an immutable list, replaced whole when a tab comes or
 * goes.
 */
public final class ConnectionRegistry {

    private final Map<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final Map<SessionId, List<ConnectionId>> bySession = new ConcurrentHashMap<>();

    /** @param connection a connection that arrived */
    public void add(Connection connection) {
        byId.put(connection.id(), connection);
        bySession.compute(connection.session(), (s, ids) -> {
            List<ConnectionId> more = new ArrayList<>(ids == null ? List.of() : ids);
            more.add(connection.id());
            return List.copyOf(more);
        });
    }

    /**
     * @param id a connection that ended
     * @return it, if it was held
     */
    public Optional<Connection> remove(ConnectionId id) {
        Connection removed = byId.remove(id);
        if (removed != null) {
            bySession.computeIfPresent(removed.session(), (s, ids) -> {
                List<ConnectionId> fewer = new ArrayList<>(ids);
                fewer.remove(id);
                return fewer.isEmpty() ? null : List.copyOf(fewer);
            });
        }
        return Optional.ofNullable(removed);
    }

    /**
     * @param id a connection id
     * @return the connection, if held
     */
    public Optional<Connection> get(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param session a session
     * @return the session's connections here, an immutable snapshot
     */
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
