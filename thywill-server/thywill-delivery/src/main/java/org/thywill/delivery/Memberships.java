package org.thywill.delivery;

import java.util.List;
import java.util.Set;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;

/**
 * Where a Push keeps channel membership and presence: the Database on one node, Redis in a cluster. Both keep the
 * sessions held here in a {@link LocalMembers}, which the send path reads.
 */
public interface Memberships {

    /**
     * Attaches a live connection to its session's channels of an application; idempotent.
     *
     * @param applicationId the application
     * @param connection the connection
     */
    void attach(String applicationId, Connection connection);

    /** @param connection a connection that ended, detached from every application it was attached to */
    void detach(ConnectionId connection);

    /**
     * Makes a session a member of a channel and stores it.
     *
     * @param applicationId the application
     * @param channel the channel
     * @param session the session, connected or not
     */
    void join(String applicationId, String channel, SessionId session);

    /**
     * Ends a session's membership of a channel, stored too.
     *
     * @param applicationId the application
     * @param channel the channel
     * @param session the session, connected or not
     */
    void leave(String applicationId, String channel, SessionId session);

    /** @return every member session of a channel, connected or not, as stored */
    Set<SessionId> memberSessions(String applicationId, String channel);

    /** @return the sessions present in a channel now */
    List<PresentSession> presence(String applicationId, String channel);

    /**
     * The channel's member sessions held here, which a channel's message goes to: read from {@link #local()}, and,
     * where the store is being read for a session arriving meanwhile, including it once its channels are known.
     *
     * @param exceptSession a session to leave out, or null
     * @return the member sessions held here
     */
    default List<SessionId> heldMembers(String applicationId, String channel, SessionId exceptSession) {
        return local().heldMembers(applicationId, channel, exceptSession);
    }

    /** @return the sessions held here and their channels */
    LocalMembers local();
}
