package org.thywill.api.delivery;

import java.util.Objects;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * Where an application's message goes: one connection, every connection of one session, or the members of one of
 * the application's channels, with an optional exclusion. It is the single address of every send, so that a new
 * kind of target (a user, for example) is one more record here rather than one more method on every interface.
 *
 * <p>Targets are immutable values; build them with the static factories:
 * {@code Target.connection(id)}, {@code Target.session(id)}, {@code Target.channel("room").except(connection)}.
 */
public sealed interface Target permits Target.ToConnection, Target.ToSession, Target.ToChannel, Target.ToUser {

    /**
     * @param connection the connection
     * @return a target that reaches that connection alone, at most once, without a receipt
     */
    static ToConnection connection(ConnectionId connection) {
        return new ToConnection(connection, false);
    }

    /**
     * @param session the session
     * @return a target that reaches every connection of the session through its inbox, without a receipt
     */
    static ToSession session(SessionId session) {
        return new ToSession(session, false);
    }

    /**
     * @param channel the channel's name: letters, digits, '-', '_' and '.'
     * @return a target that reaches every live connection of the channel's member sessions, through their inboxes
     */
    static ToChannel channel(String channel) {
        return new ToChannel(channel, null, null, true);
    }

    /**
     * @param user a user's id, as {@link org.thywill.api.auth.User#id()} gives it
     * @return a target that reaches every session of the user (every tab, device and node) through their inboxes
     */
    static ToUser user(String user) {
        return new ToUser(user, false);
    }

    /**
     * One connection. The message is not kept for the session: if the connection ends first, it is lost, and a
     * receipt (when asked for) fails with {@link DeliveryFailure#DISCONNECTED}.
     *
     * @param connection the connection
     * @param receipted whether the client library is asked to acknowledge it, so that {@link Sent#receipt()}
     *                  completes
     */
    record ToConnection(ConnectionId connection, boolean receipted) implements Target {
        public ToConnection {
            Objects.requireNonNull(connection, "connection");
        }

        /** @return the same target, asking the client library to acknowledge the message */
        public ToConnection withReceipt() {
            return new ToConnection(connection, true);
        }
    }

    /**
     * Every connection of a session, through the session's inbox: the message is numbered, kept until the client
     * library acknowledges it (also while the session has no connection), and replayed in order to its next
     * connection. A session whose connections are all plain CometD clients (which never acknowledge) gets it once,
     * unnumbered, unless a receipt is asked for.
     *
     * @param session the session
     * @param receipted whether {@link Sent#receipt()} is to complete on the client library's acknowledgement: the
     *                  message then goes through the inbox whatever the session's connections
     */
    record ToSession(SessionId session, boolean receipted) implements Target {
        public ToSession {
            Objects.requireNonNull(session, "session");
        }

        /** @return the same target, asking for the client library's acknowledgement */
        public ToSession withReceipt() {
            return new ToSession(session, true);
        }
    }

    /**
     * The live connections of a channel's member sessions, through the sessions' inboxes unless
     * {@link #atMostOnce()} was asked for. Clients receive it on {@code /thywill/{applicationId}/channel/{channel}}.
     *
     * @param channel the channel's name
     * @param exceptConnection a connection to leave out (usually the one whose message caused this), or null
     * @param exceptSession a session whose connections are all left out, or null
     * @param throughInboxes true (the default) to keep it in each member session's inbox until acknowledged; false
     *                       to send to the live connections once (see {@link #atMostOnce()})
     */
    record ToChannel(String channel, ConnectionId exceptConnection, SessionId exceptSession, boolean throughInboxes)
            implements Target {
        public ToChannel {
            Objects.requireNonNull(channel, "channel");
        }

        /**
         * @param connection a connection to leave out, or null for none
         * @return the same target without that connection
         */
        public ToChannel except(ConnectionId connection) {
            return new ToChannel(channel, connection, exceptSession, throughInboxes);
        }

        /**
         * @param session a session whose connections are left out, or null for none
         * @return the same target without that session's connections
         */
        public ToChannel except(SessionId session) {
            return new ToChannel(channel, exceptConnection, session, throughInboxes);
        }

        /**
         * @return the same target, sent once to the live connections without the inboxes: for frequent messages
         *         that the next one supersedes (a cursor, a ticker), where a reloading page may miss one
         */
        public ToChannel atMostOnce() {
            return new ToChannel(channel, exceptConnection, exceptSession, false);
        }
    }

    /**
     * Every session a user connected from (each browser and device, on any node of a cluster), each through its
     * inbox as {@link ToSession} does: a device offline now gets it when it connects again, within
     * {@code inboxMaxAge}. The user's sessions are found in the Database behind the send (the most recently active
     * 100 of them); a session belongs to the user whose credentials its latest authenticated connection presented.
     *
     * @param user the user's id
     * @param receipted whether {@link Sent#receipt()} is to complete on the first acknowledgement by any of the
     *                  user's pages
     */
    record ToUser(String user, boolean receipted) implements Target {
        public ToUser {
            Objects.requireNonNull(user, "user");
            if (user.isBlank()) {
                throw new IllegalArgumentException("A user's id must not be blank");
            }
        }

        /** @return the same target, asking for the first acknowledgement of any of the user's pages */
        public ToUser withReceipt() {
            return new ToUser(user, true);
        }
    }
}
