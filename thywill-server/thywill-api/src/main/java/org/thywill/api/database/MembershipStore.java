package org.thywill.api.database;

import java.util.Set;
import org.thywill.api.client.SessionId;

/**
 * Which sessions are members of which application channels, kept in the database so that membership survives
 * reconnections and restarts. The Push caches it and writes through; it reads it when a session connects, never
 * per message.
 *
 * <p>Thread-safe; each call is one query. Failures throw {@link org.thywill.api.ThywillException} saying what to
 * check.
 */
public interface MembershipStore {

    /**
     * Makes a session a member of a channel. Idempotent: a second call keeps the first time of joining.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param session a session the {@link SessionStore} created
     */
    void add(String applicationId, String channel, SessionId session);

    /**
     * Ends a session's membership of a channel. Idempotent.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param session the session
     * @return whether it was a member
     */
    boolean remove(String applicationId, String channel, SessionId session);

    /**
     * @param applicationId an application
     * @param session a session
     * @return the application's channels the session is a member of
     */
    Set<String> channelsOf(String applicationId, SessionId session);

    /**
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @return the channel's member sessions, connected or not
     */
    Set<SessionId> sessionsIn(String applicationId, String channel);
}
