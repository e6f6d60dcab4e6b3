package org.thywill.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thywill.api.auth.Authentication;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.database.SessionStore;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;

/**
 * What every Push built on this library does the same way, whatever keeps its membership: it keeps the session
 * inboxes on top of the Client Interface, attaches each connection to its session's channels before the
 * applications hear of it, answers membership and presence from its {@link Memberships}, and sends to a user
 * through its own sends to each of the user's sessions. A Push adds its {@link #deliver} and its own start and stop.
 */
public abstract class MembershipPush implements Push, ConnectionListener {

    /** The longest message {@link #disconnectUser} passes on to the pages. */
    public static final int MAX_SIGN_OUT_MESSAGE = 500;

    /** The local transport. */
    protected final ClientInterface clients;
    /** The session inboxes, kept on top of {@link #clients}. */
    protected final SessionInboxes inboxes;
    /** Where membership and presence are kept. */
    protected final Memberships memberships;
    /** Tells the applications of presence changes. */
    protected final PresenceEvents events;
    /** Sends to the connections held here. */
    protected final LocalDelivery local;
    /** Sends to users, and knows the users connected here. */
    protected final UserSends users;

    /**
     * @param clients the local Client Interface, which delivers
     * @param inboxes the session inboxes
     * @param memberships where membership and presence are kept
     * @param events tells the applications of presence changes
     * @param database the Database, whose sessions keep each session's user and whose memberships each user's
     *                 channels
     */
    protected MembershipPush(ClientInterface clients, SessionInboxes inboxes, Memberships memberships,
                             PresenceEvents events, Database database) {
        this.users = new UserSends(database.sessions(), database.memberships(), memberships);
        this.clients = clients;
        this.inboxes = inboxes;
        this.memberships = memberships;
        this.events = events;
        this.local = new LocalDelivery(clients, inboxes, memberships);
    }

    /** Starts the inboxes (their writer and sweep) and the presence thread; first in {@code start()}. */
    protected final void startDelivery() {
        inboxes.start();
        events.start();
        users.start();
    }

    /**
     * Listens to the Client Interface: acknowledgements and connections to the inboxes, then connections to this
     * Push. Last in {@code start()}, which runs before the Application Interface registers its own listener, so a
     * connection is attached to its session's channels before the application hears of it.
     */
    protected final void listen() {
        clients.acknowledgements(inboxes);
        clients.addListener(inboxes);
        clients.addListener(this);
    }

    /** Stops the presence thread, then the inboxes (which write what is queued). */
    protected final void stopListening() {
        users.stop();
        events.stop();
        inboxes.stop();
    }

    /**
     * Sends to a user through {@link UserSends}, which sends to each of the user's sessions through
     * {@link #deliver}; any other target goes to {@link #deliver} at once.
     */
    @Override
    public final Sent send(String applicationId, Target target, Map<String, Object> envelope) {
        return target instanceof Target.ToUser to ? users.send(this, applicationId, to, envelope)
                : deliver(applicationId, target, envelope);
    }

    /**
     * Sends to a connection, a session or a channel, as {@link Push#send} says.
     *
     * @param applicationId the sending application
     * @param target where it goes: never a {@link Target.ToUser}
     * @param envelope the envelope
     * @return what the send did
     */
    protected abstract Sent deliver(String applicationId, Target target, Map<String, Object> envelope);

    /** Checks the message, then ends the user's connections held here; a clustered Push tells the other nodes. */
    @Override
    public int disconnectUser(String userId, String message) {
        if (message.length() > MAX_SIGN_OUT_MESSAGE) {
            throw new IllegalArgumentException("A message to signed-out pages has at most " + MAX_SIGN_OUT_MESSAGE
                    + " characters, not " + message.length() + "; shorten it.");
        }
        return disconnectHere(userId, message);
    }

    /**
     * Ends the user's connections held here, each page told why first.
     *
     * @param userId the user
     * @param message what the pages may show
     * @return how many were ended
     */
    protected final int disconnectHere(String userId, String message) {
        int ended = 0;
        for (Connection connection : users.here().of(userId)) {
            ended += clients.close(connection.id(), Authentication.SIGNED_OUT, message) ? 1 : 0;
        }
        return ended;
    }

    @Override
    public void connected(Connection connection) {
        attach(connection.applicationId(), connection);
        users.connected(connection);
    }

    @Override
    public void disconnected(Connection connection, DisconnectReason reason) {
        users.disconnected(connection);
        memberships.detach(connection.id());
    }

    @Override
    public void join(String applicationId, String channel, ConnectionId connection) {
        Envelopes.requireChannelName(channel);
        Optional<Connection> live = clients.connection(connection);
        if (live.isPresent()) {
            // A connection of another application's page is attached here too; its own is already.
            attach(applicationId, live.get());
            memberships.join(applicationId, channel, live.get().session());
        }
    }

    @Override
    public void leave(String applicationId, String channel, ConnectionId connection) {
        clients.connection(connection).ifPresent(live -> memberships.leave(applicationId, channel, live.session()));
    }

    @Override
    public Set<ConnectionId> members(String applicationId, String channel) {
        return Set.copyOf(memberships.local().targets(applicationId, channel, null, null));
    }

    @Override
    public void joinSession(String applicationId, String channel, SessionId session) {
        Envelopes.requireChannelName(channel);
        memberships.join(applicationId, channel, session);
    }

    @Override
    public void leaveSession(String applicationId, String channel, SessionId session) {
        memberships.leave(applicationId, channel, session);
    }

    @Override
    public void joinUser(String applicationId, String channel, String userId) {
        Envelopes.requireChannelName(channel);
        requireUserId(userId);
        users.join(applicationId, channel, userId);
    }

    @Override
    public void leaveUser(String applicationId, String channel, String userId) {
        users.leave(applicationId, channel, userId);
    }

    private static void requireUserId(String userId) {
        if (userId.isBlank() || userId.length() > SessionStore.MAX_USER_ID) {
            throw new IllegalArgumentException("A user's id has 1 to " + SessionStore.MAX_USER_ID
                    + " characters, not " + userId.length());
        }
    }

    @Override
    public Set<SessionId> memberSessions(String applicationId, String channel) {
        return memberships.memberSessions(applicationId, channel);
    }

    @Override
    public List<PresentSession> presence(String applicationId, String channel) {
        return memberships.presence(applicationId, channel);
    }

    @Override
    public void presenceListener(String applicationId, PresenceListener listener) {
        events.listen(applicationId, listener);
    }

    private void attach(String applicationId, Connection connection) {
        memberships.attach(applicationId, connection);
        if (clients.connection(connection.id()).isEmpty()) {
            // It ended while being attached, perhaps before the detach could find it: detach it now.
            memberships.detach(connection.id());
        }
    }
}
