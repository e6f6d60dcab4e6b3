package org.thywill.api.database;

import java.util.Optional;
import org.thywill.api.client.SessionId;

/** Browser sessions, kept in the database so they survive a restart. Thread-safe. */
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
     * @param candidate an id a client presented, perhaps forged or expired
     * @return the session if it exists; its last-seen time is updated
     */
    Optional<SessionId> find(String candidate);
}
