package org.thywill.client.cometd;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * The connections held here, by id and by session, so that sends to a session find every tab. Thread-safe. A
 * session's connections are kept as one immutable {@link Held}, replaced whole when a tab comes or goes: a channel
 * send reads it for every member session, far more often than tabs change, and takes it without a copy or a lookup
 * per connection.
 */
final class ConnectionRegistry {

    /**
     * A session's connections here, at one moment.
     *
     * @param ids the connections
     * @param sessions their CometD sessions, in the same order
     * @param acknowledges whether each acknowledges (asked for numbered delivery in its handshake), in the same order
     * @param acknowledging whether any of them acknowledges
     */
    record Held(List<ConnectionId> ids, List<ServerSession> sessions, List<Boolean> acknowledges,
                boolean acknowledging) {

        static final Held NONE = of(List.of(), List.of(), List.of());

        private static Held of(List<ConnectionId> ids, List<ServerSession> sessions, List<Boolean> acknowledges) {
            return new Held(List.copyOf(ids), List.copyOf(sessions), List.copyOf(acknowledges),
                    acknowledges.contains(Boolean.TRUE));
        }

        /** @return true if the session's connections are live and none acknowledges: none needs an inbox */
        boolean plainOnly() {
            return !ids.isEmpty() && !acknowledging;
        }

        private Held with(ConnectionId id, ServerSession session, boolean acknowledges) {
            List<ConnectionId> moreIds = new ArrayList<>(ids);
            List<ServerSession> moreSessions = new ArrayList<>(sessions);
            List<Boolean> moreFlags = new ArrayList<>(this.acknowledges);
            moreIds.add(id);
            moreSessions.add(session);
            moreFlags.add(acknowledges);
            return of(moreIds, moreSessions, moreFlags);
        }

        /** @return these without the connection, or null if none is left */
        private Held without(ConnectionId id) {
            List<ConnectionId> fewerIds = new ArrayList<>(ids.size());
            List<ServerSession> fewerSessions = new ArrayList<>(sessions.size());
            List<Boolean> fewerFlags = new ArrayList<>(acknowledges.size());
            for (int i = 0; i < ids.size(); i++) {
                if (!ids.get(i).equals(id)) {
                    fewerIds.add(ids.get(i));
                    fewerSessions.add(sessions.get(i));
                    fewerFlags.add(acknowledges.get(i));
                }
            }
            return fewerIds.isEmpty() ? null : of(fewerIds, fewerSessions, fewerFlags);
        }
    }

    private final Map<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final Map<SessionId, Held> bySession = new ConcurrentHashMap<>();

    /**
     * @param connection a connection that arrived
     * @param session its CometD session
     * @param acknowledging whether its client acknowledges what it receives
     */
    void add(Connection connection, ServerSession session, boolean acknowledging) {
        byId.put(connection.id(), connection);
        bySession.compute(connection.session(), (s, held) -> (held == null ? Held.NONE : held)
                .with(connection.id(), session, acknowledging));
    }

    Optional<Connection> remove(ConnectionId id) {
        Connection removed = byId.remove(id);
        if (removed != null) {
            bySession.computeIfPresent(removed.session(), (s, held) -> held.without(id));
        }
        return Optional.ofNullable(removed);
    }

    /** @return the session's connections here, perhaps {@link Held#NONE} */
    Held held(SessionId session) {
        Held held = bySession.get(session);
        return held == null ? Held.NONE : held;
    }

    Optional<Connection> get(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the session's connections here, an immutable snapshot */
    Collection<ConnectionId> ofSession(SessionId session) {
        return held(session).ids();
    }

    /** @return a snapshot of every connection held */
    List<Connection> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }
}
