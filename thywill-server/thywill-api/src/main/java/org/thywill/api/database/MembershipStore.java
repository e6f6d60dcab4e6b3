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

    /**
     * Makes a user a member of a channel as a person: each of their sessions, also later ones, is to be made a
     * member by the Push. Idempotent.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param userId the user's id, at most {@link SessionStore#MAX_USER_ID} characters
     * @throws UnsupportedOperationException if this store cannot keep users' memberships (the default)
     */
    default void addUser(String applicationId, String channel, String userId) {
        throw new UnsupportedOperationException("This Database implementation cannot keep users' memberships");
    }

    /**
     * Ends a user's membership of a channel (not that of their sessions, which the Push ends). Idempotent.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param userId the user's id
     * @return whether the user was a member
     */
    default boolean removeUser(String applicationId, String channel, String userId) {
        return false;
    }

    /**
     * @param applicationId an application
     * @param userId a user's id
     * @return the application's channels the user joined as a person
     */
    default Set<String> channelsOfUser(String applicationId, String userId) {
        return Set.of();
    }
}
