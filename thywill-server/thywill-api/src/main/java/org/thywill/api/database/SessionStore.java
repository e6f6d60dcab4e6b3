package org.thywill.api.database;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.thywill.api.client.SessionId;

/**
 * Browser sessions, kept in the database so they survive a restart. A session expires after {@link #lifetime()}
 * without activity (a page load, a handshake or a connection's poll); {@link #find} no longer finds it then, and
 * the store deletes it in the background. Thread-safe.
 */
public interface SessionStore {

    /** @return a new session with an unguessable id, stored before this returns: its id may be handed out */
    SessionId create();

    /**
     * A session for a connection that came without one (a client that did not load the page, so has no session
     * cookie). Its id stays on this server, so the store may write it behind, with others: it is stored before
     * anything the store keeps refers to it, and {@link #find} finds it at once.
     *
     * @return a new session with an unguessable id
     */
    SessionId createForConnection();

    /**
     * @param candidate an id a client presented, perhaps forged, expired or deleted
     * @return the session if it exists and has not expired; it counts as active now
     */
    Optional<SessionId> find(String candidate);

    /**
     * Records that a session is in use now, as when one of its connections polls: cheap enough to call for every
     * poll (an implementation writes a session's activity at most once in a while, behind the call).
     *
     * @param session a session found or created earlier
     */
    default void active(SessionId session) {
    }

    /**
     * @return how long a session lasts without activity, for a cookie's {@code Max-Age}; empty if sessions never
     *         expire (the default)
     */
    default Optional<Duration> lifetime() {
        return Optional.empty();
    }

    /**
     * Records that a session belongs to a user, in place of any user it belonged to before: the session's latest
     * authenticated connection named them. The Push calls it for each session whose connection has a user, off the
     * connection's thread; it may block on the database.
     *
     * @param session a session found or created earlier
     * @param userId the user's id, at most {@link #MAX_USER_ID} characters
     * @throws org.thywill.api.ThywillException if the database cannot store it, or the id is too long
     * @throws UnsupportedOperationException if this store cannot keep users (the default)
     */
    default void assignUser(SessionId session, String userId) {
        throw new UnsupportedOperationException("This Database implementation cannot keep sessions' users;"
                + " choose h2, mysql or postgresql to send to users.");
    }

    /**
     * The sessions that belong to a user and have not expired, most recently active first. May block on the
     * database.
     *
     * @param userId the user's id
     * @param limit the most sessions to return
     * @return the user's sessions, at most {@code limit}; empty for a user without one
     * @throws org.thywill.api.ThywillException if the database cannot be read
     * @throws UnsupportedOperationException if this store cannot keep users (the default)
     */
    default List<SessionId> sessionsOf(String userId, int limit) {
        throw new UnsupportedOperationException("This Database implementation cannot keep sessions' users;"
                + " choose h2, mysql or postgresql to send to users.");
    }

    /** The longest user id {@link #assignUser} stores. */
    int MAX_USER_ID = 255;
}
