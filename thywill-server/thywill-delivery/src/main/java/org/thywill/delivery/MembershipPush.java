package org.thywill.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;

/**
 * What every Push built on this library does the same way, whatever keeps its membership: it keeps the session
 * inboxes on top of the Client Interface, attaches each connection to its session's channels before the
 * applications hear of it, and answers membership and presence from its {@link Memberships}. A Push adds its
 * {@code send} and its own start and stop.
 */
public abstract class MembershipPush implements Push, ConnectionListener {

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

    /**
     * @param clients the local Client Interface, which delivers
     * @param inboxes the session inboxes
     * @param memberships where membership and presence are kept
     * @param events tells the applications of presence changes
     */
    protected MembershipPush(ClientInterface clients, SessionInboxes inboxes, Memberships memberships,
                             PresenceEvents events) {
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
        events.stop();
        inboxes.stop();
    }

    @Override
    public void connected(Connection connection) {
        attach(connection.applicationId(), connection);
    }

    @Override
    public void disconnected(Connection connection, DisconnectReason reason) {
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
