package org.thywill.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * The connections the inboxes send to, by id and by session, as the Push learnt of them: a connection is here only
 * once its replay is done, so no live message overtakes it. A session's connections are kept as one immutable
 * {@link Held}, replaced whole when a tab comes or goes: a channel send reads it for every member session, far more
 * often than tabs change, and takes it without a copy or a lookup per connection.
 */
final class DeliveryTargets {

    /**
     * A session's connections here, at one moment.
     *
     * @param ids the connections
     * @param acknowledges whether each acknowledges (asked for numbered delivery in its handshake), in the same order
     * @param acknowledging whether any of them acknowledges
     */
    record Held(List<ConnectionId> ids, List<Boolean> acknowledges, boolean acknowledging) {

        static final Held NONE = of(List.of(), List.of());

        private static Held of(List<ConnectionId> ids, List<Boolean> acknowledges) {
            return new Held(List.copyOf(ids), List.copyOf(acknowledges), acknowledges.contains(Boolean.TRUE));
        }

        /** @return true if the session's connections are live and none acknowledges: none needs an inbox */
        boolean plainOnly() {
            return !ids.isEmpty() && !acknowledging;
        }

        private Held with(ConnectionId id, boolean acknowledges) {
            List<ConnectionId> moreIds = new ArrayList<>(ids);
            List<Boolean> moreFlags = new ArrayList<>(this.acknowledges);
            moreIds.add(id);
            moreFlags.add(acknowledges);
            return of(moreIds, moreFlags);
        }

        /** @return these without the connection, or null if none is left */
        private Held without(ConnectionId id) {
            List<ConnectionId> fewerIds = new ArrayList<>(ids.size());
            List<Boolean> fewerFlags = new ArrayList<>(acknowledges.size());
            for (int i = 0; i < ids.size(); i++) {
                if (!ids.get(i).equals(id)) {
                    fewerIds.add(ids.get(i));
                    fewerFlags.add(acknowledges.get(i));
                }
            }
            return fewerIds.isEmpty() ? null : of(fewerIds, fewerFlags);
        }
    }

    private final Map<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Boolean> acknowledgingIds = new ConcurrentHashMap<>();
    private final Map<SessionId, Held> bySession = new ConcurrentHashMap<>();

    /**
     * @param connection a connection that arrived
     * @param acknowledges whether its client acknowledges what it receives
     */
    void add(Connection connection, boolean acknowledges) {
        byId.put(connection.id(), connection);
        acknowledgingIds.put(connection.id(), acknowledges);
        bySession.compute(connection.session(), (s, held) -> (held == null ? Held.NONE : held)
                .with(connection.id(), acknowledges));
    }

    /** @return the connection removed, or null if it was not here */
    Connection remove(ConnectionId id) {
        Connection removed = byId.remove(id);
        if (removed != null) {
            acknowledgingIds.remove(id);
            bySession.computeIfPresent(removed.session(), (s, held) -> held.without(id));
        }
        return removed;
    }

    /** @return the session's connections here, perhaps {@link Held#NONE} */
    Held held(SessionId session) {
        Held held = bySession.get(session);
        return held == null ? Held.NONE : held;
    }

    /** @return whether the connection is here */
    boolean contains(ConnectionId id) {
        return byId.containsKey(id);
    }

    /** @return whether the connection is here and acknowledges */
    boolean acknowledges(ConnectionId id) {
        return Boolean.TRUE.equals(acknowledgingIds.get(id));
    }

    /** @return the session's connections here, an immutable snapshot */
    List<ConnectionId> ofSession(SessionId session) {
        return held(session).ids();
    }
}
