package org.thywill.client.cometd;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/** The connections held here, by id and by session, so that sends to a session find every tab. Thread-safe. */
final class ConnectionRegistry {

    private final Map<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final Map<SessionId, Set<ConnectionId>> bySession = new ConcurrentHashMap<>();

    void add(Connection connection) {
        byId.put(connection.id(), connection);
        bySession.compute(connection.session(), (s, ids) -> {
            Set<ConnectionId> set = ids != null ? ids : ConcurrentHashMap.newKeySet();
            set.add(connection.id());
            return set;
        });
    }

    Optional<Connection> remove(ConnectionId id) {
        Connection removed = byId.remove(id);
        if (removed != null) {
            bySession.computeIfPresent(removed.session(), (s, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
        }
        return Optional.ofNullable(removed);
    }

    Optional<Connection> get(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<ConnectionId> ofSession(SessionId session) {
        Set<ConnectionId> ids = bySession.get(session);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** @return a snapshot of every connection held */
    List<Connection> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }
}
