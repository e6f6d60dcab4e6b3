package org.thywill.push.cometd;

import java.util.List;
import java.util.Map;
import org.thywill.api.admin.ChannelAdmin;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.delivery.MembershipPush;
import org.thywill.delivery.PresenceEvents;
import org.thywill.delivery.SessionInboxes;

/**
 * The Push {@code cometd}: every target is a connection held by this node's Client Interface, so a send is a
 * lookup in memory and one local delivery, encoded once however many members a channel has. It keeps the session
 * inboxes (hearing acknowledgements from the Client Interface), membership by session (stored by the Database) and
 * presence; on connect, a connection is attached to its session's channels.
 */
final class CometdPush extends MembershipPush implements ChannelAdmin {

    private final SessionChannels channels;

    /**
     * @param clients the local Client Interface, which delivers
     * @param inboxes the session inboxes, kept on top of {@code clients}
     * @param channels membership by session, stored by the Database
     * @param events tells the applications of presence changes, as {@code channels} finds them
     * @param database the Database, which keeps each session's user and each user's channels
     */
    CometdPush(ClientInterface clients, SessionInboxes inboxes, SessionChannels channels, PresenceEvents events,
               Database database) {
        super(clients, inboxes, channels, events, database);
        this.channels = channels;
    }

    @Override
    public void start() {
        startDelivery();
        listen();
    }

    @Override
    public void stop() {
        stopListening();
    }

    @Override
    protected Sent deliver(String applicationId, Target target, Map<String, Object> envelope) {
        return local.send(applicationId, target, envelope);
    }

    @Override
    public List<ChannelState> channels() {
        return channels.channels();
    }
}
