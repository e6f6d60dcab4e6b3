package org.thywill.delivery;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;

/**
 * Who is present in each application as a person, on one server: a user is present while any of their sessions
 * is (connected, or within the grace period of its last connection), so the first device in makes them join and
 * the last device out, once its grace is over, makes them leave. Fed by the Push as sessions arrive and depart.
 */
public final class UserPresence {

    private record AppUser(String applicationId, String user) {
    }

    private final PresenceEvents events;
    private final Map<AppSession, String> userOf = new ConcurrentHashMap<>();
    private final Map<AppUser, Set<SessionId>> present = new ConcurrentHashMap<>();

    /** @param events told of users joining and leaving */
    public UserPresence(PresenceEvents events) {
        this.events = events;
    }

    /**
     * A connection of a present session arrived; idempotent.
     *
     * @param key the application and session
     * @param connection the connection, whose user (if any) the session now counts for
     */
    public void arrived(AppSession key, Connection connection) {
        String user = connection.user().map(User::id).orElse(null);
        String before = user == null ? null : userOf.put(key, user);
        if (user == null || user.equals(before)) {
            return;
        }
        if (before != null) {
            leave(key, before); // the browser signed in as somebody else
        }
        // The event is queued inside the atomic change, so a user's joins and leaves are queued in their order.
        present.compute(new AppUser(key.applicationId(), user), (k, sessions) -> {
            if (sessions == null) {
                events.userJoined(key.applicationId(), user);
                return Set.of(key.session());
            }
            Set<SessionId> more = new HashSet<>(sessions);
            more.add(key.session());
            return Set.copyOf(more);
        });
    }

    /**
     * A session is no longer present in the application: its grace period is over.
     *
     * @param key the application and session
     */
    public void departed(AppSession key) {
        String user = userOf.remove(key);
        if (user != null) {
            leave(key, user);
        }
    }

    private void leave(AppSession key, String user) {
        present.computeIfPresent(new AppUser(key.applicationId(), user), (k, sessions) -> {
            Set<SessionId> fewer = new HashSet<>(sessions);
            fewer.remove(key.session());
            if (fewer.isEmpty()) {
                events.userLeft(key.applicationId(), user);
                return null;
            }
            return Set.copyOf(fewer);
        });
    }
}
