package org.thywill.api.admin;

import java.util.List;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;

/** Implemented by a Client Interface that lets the admin console list and end connections. Thread-safe. */
public interface ConnectionAdmin {

    /** @return a snapshot of the live connections of this node */
    List<Connection> connections();

    /**
     * Ends every connection of a session, as {@link ServerView#disconnect} says.
     *
     * @param session the session
     * @return how many connections were ended
     */
    int disconnect(SessionId session);
}
