package org.thywill.push.cometd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thywill.api.admin.ChannelAdmin;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;
import org.thywill.delivery.LocalDelivery;
import org.thywill.delivery.PresenceEvents;
import org.thywill.delivery.SessionInboxes;

/**
 * The Push {@code cometd}: every target is a connection held by this node's Client Interface, so a send is a
 * lookup in memory and one local delivery, encoded once however many members a channel has. It keeps the session
 * inboxes (hearing acknowledgements from the Client Interface), membership by session (stored by the Database) and
 * presence; on connect, a connection is attached to its session's channels.
 */
final class CometdPush implements Push, ChannelAdmin, ConnectionListener {

    private final ClientInterface clients;
    private final PresenceEvents events = new PresenceEvents("thywill-presence");
    private final SessionChannels channels;
    private final SessionInboxes inboxes;
    private final LocalDelivery local;

    /**
     * @param clients the local Client Interface, which delivers
     * @param memberships where channel membership is stored
     * @param presenceGrace how long a session that lost its last connection stays present
     * @param inboxes the session inboxes, kept on top of {@code clients}
     */
    CometdPush(ClientInterface clients, MembershipStore memberships, Duration presenceGrace,
               SessionInboxes inboxes) {
        this.clients = clients;
        this.channels = new SessionChannels(memberships, events, presenceGrace);
        this.inboxes = inboxes;
        this.local = new LocalDelivery(clients, inboxes, channels.local());
    }

    @Override
    public void start() {
        inboxes.start();
        events.start();
        clients.acknowledgements(inboxes);
        clients.addListener(inboxes);
        // Registered before the Application Interface's listener: a connection is attached to its session's
        // channels before the application hears of it.
        clients.addListener(this);
    }

    @Override
    public void stop() {
        events.stop();
        inboxes.stop();
    }

    @Override
    public void connected(Connection connection) {
        attach(connection.applicationId(), connection);
    }

    @Override
    public void disconnected(Connection connection, DisconnectReason reason) {
        channels.detach(connection.id());
    }

    @Override
    public Sent send(String applicationId, Target target, Map<String, Object> envelope) {
        return local.send(applicationId, target, envelope);
    }

    @Override
    public void join(String applicationId, String channel, ConnectionId connection) {
        Envelopes.requireChannelName(channel);
        Optional<Connection> live = clients.connection(connection);
        if (live.isPresent()) {
            // A connection of another application's page is attached here too; its own is already.
            attach(applicationId, live.get());
            channels.join(applicationId, channel, live.get().session());
        }
    }

    @Override
    public void leave(String applicationId, String channel, ConnectionId connection) {
        clients.connection(connection).ifPresent(live -> channels.leave(applicationId, channel, live.session()));
    }

    @Override
    public Set<ConnectionId> members(String applicationId, String channel) {
        return Set.copyOf(channels.local().targets(applicationId, channel, null, null));
    }

    @Override
    public void joinSession(String applicationId, String channel, SessionId session) {
        Envelopes.requireChannelName(channel);
        channels.join(applicationId, channel, session);
    }

    @Override
    public void leaveSession(String applicationId, String channel, SessionId session) {
        channels.leave(applicationId, channel, session);
    }

    @Override
    public Set<SessionId> memberSessions(String applicationId, String channel) {
        return channels.memberSessions(applicationId, channel);
    }

    @Override
    public List<PresentSession> presence(String applicationId, String channel) {
        return channels.presence(applicationId, channel);
    }

    @Override
    public List<ChannelState> channels() {
        return channels.channels();
    }

    @Override
    public void presenceListener(String applicationId, PresenceListener listener) {
        events.listen(applicationId, listener);
    }

    private void attach(String applicationId, Connection connection) {
        channels.attach(applicationId, connection);
        if (clients.connection(connection.id()).isEmpty()) {
            // It ended while being attached, perhaps before the detach could find it: detach it now.
            channels.detach(connection.id());
        }
    }
}
