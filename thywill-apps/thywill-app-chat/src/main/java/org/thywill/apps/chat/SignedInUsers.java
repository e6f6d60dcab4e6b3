package org.thywill.apps.chat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.SessionId;

/**
 * Which browsers each signed-in person has in the room (a person may have several: a laptop and a phone), so that
 * a private message reaches every one of them. Kept from connections and presence; thread-safe.
 */
final class SignedInUsers {

    private final Map<String, Set<SessionId>> sessionsOf = new ConcurrentHashMap<>();
    private final Map<SessionId, String> userOf = new ConcurrentHashMap<>();

    /**
     * @param session a session that connected
     * @param user its user's id, or empty for an anonymous connection (which signs the session out)
     */
    void connected(SessionId session, Optional<String> user) {
        String before = user.isPresent() ? userOf.put(session, user.get()) : userOf.remove(session);
        if (before != null && !before.equals(user.orElse(null))) {
            forget(before, session);
        }
        user.ifPresent(id -> sessionsOf.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(session));
    }

    /** @param session a session that left the room */
    void left(SessionId session) {
        String user = userOf.remove(session);
        if (user != null) {
            forget(user, session);
        }
    }

    /**
     * @param session a session
     * @return whether its last connection was signed in
     */
    boolean signedIn(SessionId session) {
        return userOf.containsKey(session);
    }

    /**
     * @param user a user's id
     * @return the browsers that user has in the room now; empty if none
     */
    Set<SessionId> sessionsOf(String user) {
        return Set.copyOf(sessionsOf.getOrDefault(user, Set.of()));
    }

    private void forget(String user, SessionId session) {
        sessionsOf.computeIfPresent(user, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
