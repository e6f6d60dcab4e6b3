package org.thywill.api.presence;

import java.util.Set;
import org.thywill.api.client.SessionId;

/**
 * Told when a session joins or leaves the presence of one of the application's channels. Registered with
 * {@link org.thywill.api.application.ApplicationContext#onPresence}. Every method has a default, so an
 * implementation overrides what it needs.
 *
 * <p>A session is <em>present</em> in a channel while it is a member and has at least one live connection to the
 * application, or lost its last one less than the Push's grace period ago (so that a page reload is not a leave).
 * It joins when it becomes present: its first connection arrives while it is a member, or it becomes a member
 * while connected. It leaves when its last connection has been gone for the grace period, or when it stops being
 * a member.
 *
 * <p>Threading and ordering: calls come one at a time, on a thread of the Push, in the order the changes
 * happened; for one session and channel, {@code joined} and {@code left} alternate, starting with
 * {@code joined}. Calls run after the change: {@code presence(channel)} already shows it. A listener must return
 * quickly (sends are fine; they never block); an exception it throws is logged and the next event is delivered.
 * After a server restart nobody is present, and each member session joins again when it reconnects; a restart
 * itself is not reported as leaves.
 */
public interface PresenceListener {

    /** Listens to nothing. */
    PresenceListener NONE = new PresenceListener() {
    };

    /**
     * A session became present in a channel.
     *
     * @param channel the channel's name
     * @param session the session
     */
    default void joined(String channel, SessionId session) {
    }

    /**
     * A session is no longer present in a channel: its last connection has been gone for the grace period, or it
     * left the channel.
     *
     * @param channel the channel's name
     * @param session the session
     */
    default void left(String channel, SessionId session) {
    }

    /**
     * A person became present in the application: the first connection of any of their sessions (a browser, a
     * device) to the application arrived, while none of their sessions was present (connected, or within the grace
     * period of its last connection). In a cluster, reported once, on the node where that connection arrived.
     * Connections without a user are not counted. Independent of channels.
     *
     * @param userId the user's id, as {@link org.thywill.api.auth.User#id()} gives it
     */
    default void userJoined(String userId) {
    }

    /**
     * A person is no longer present in the application: their last device's last connection has been gone for the
     * grace period. In a cluster, reported once, on one node (where that connection ended, or the node that
     * declared its node down). For one user, {@code userJoined} and {@code userLeft} alternate.
     *
     * @param userId the user's id
     */
    default void userLeft(String userId) {
    }

    /**
     * Another server of the cluster stopped heart-beating and was declared down: its connections are gone. Only a
     * clustered Push (such as {@code redis}) calls it, once on every server that is up, so each can drop what it
     * kept for those sessions. Those sessions are not left yet: each leaves its channels ({@link #left}) once the
     * grace period has passed without a connection to another server, as after any lost connection.
     *
     * @param node the down server's node id, as its settings name it
     * @param sessions the sessions that had connections to this application on that server
     */
    default void nodeDown(String node, Set<SessionId> sessions) {
    }
}
