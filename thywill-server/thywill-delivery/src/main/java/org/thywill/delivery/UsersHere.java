package org.thywill.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;

/**
 * The live connections held here of each signed-in user, as the Client Interface told of them: what a send to a
 * user counts as queued now, and what a logout everywhere ends on this node. A user's connections are one
 * immutable list, replaced whole when one comes or goes.
 */
public final class UsersHere {

    private final Map<String, List<Connection>> byUser = new ConcurrentHashMap<>();

    /**
     * @param connection a connection that arrived
     * @return whether it is the first connection of its session held here for its user (always false for an
     *         anonymous connection)
     */
    public boolean add(Connection connection) {
        Optional<String> user = connection.user().map(User::id);
        if (user.isEmpty()) {
            return false;
        }
        boolean[] first = {true};
        byUser.compute(user.get(), (id, held) -> {
            if (held == null) {
                return List.of(connection);
            }
            first[0] = held.stream().noneMatch(c -> c.session().equals(connection.session()));
            return concat(held, connection);
        });
        return first[0];
    }

    /** @param connection a connection that ended */
    public void remove(Connection connection) {
        connection.user().map(User::id).ifPresent(user -> byUser.computeIfPresent(user, (id, held) -> {
            List<Connection> left = held.stream().filter(c -> !c.id().equals(connection.id())).toList();
            return left.isEmpty() ? null : left;
        }));
    }

    /**
     * @param user a user's id
     * @return the user's live connections here, a snapshot
     */
    public List<Connection> of(String user) {
        return byUser.getOrDefault(user, List.of());
    }

    /** @return the users with a live connection here and their connections, a snapshot */
    public Map<String, List<Connection>> all() {
        return Map.copyOf(byUser);
    }

    private static List<Connection> concat(List<Connection> held, Connection more) {
        Connection[] all = held.toArray(new Connection[held.size() + 1]);
        all[held.size()] = more;
        return List.of(all);
    }
}
