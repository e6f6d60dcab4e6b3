package org.thywill.api.database;

import java.util.Optional;
import org.thywill.api.client.SessionId;

/** Browser sessions, kept in the database so they survive a restart. Thread-safe; each call is one query. */
public interface SessionStore {

    /** @return a new session with an unguessable id */
    SessionId create();

    /**
     * @param candidate an id a client presented, perhaps forged or expired
     * @return the session if it exists; its last-seen time is updated
     */
    Optional<SessionId> find(String candidate);
}
