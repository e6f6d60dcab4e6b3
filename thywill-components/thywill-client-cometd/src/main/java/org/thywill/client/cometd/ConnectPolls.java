package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.database.SessionStore;
import org.thywill.delivery.ClientDelivery;
import org.thywill.http.Connections;

/**
 * What each {@code /meta/connect} tells besides "still here". Its session is in use, which the session store hears,
 * so that a page left open for longer than the session lifetime keeps its session (the store writes it at most once
 * in a while). And it carries acknowledgements, {@code ext.thywill.acks}, {@code {"appId": seq}}: CometD's acknowledge
 * extension delivers numbered messages in {@code /meta/connect} replies only, and the client sends its next connect
 * as soon as it has handled a reply's messages, so the acknowledgement costs no message of its own. The connect
 * itself is never refused for a malformed entry: the client library acknowledges again after its next reconnection,
 * and its handshake says what it handled.
 */
final class ConnectPolls implements BayeuxServer.Extension {

    private final Connections connections;
    private final SessionStore sessions;
    private final ClientDelivery delivery;

    /**
     * @param connections the connections held here
     * @param sessions the store told of activity
     * @param delivery reads the acknowledgements and tells the Push
     */
    ConnectPolls(Connections connections, SessionStore sessions, ClientDelivery delivery) {
        this.connections = connections;
        this.sessions = sessions;
        this.delivery = delivery;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || !Channel.META_CONNECT.equals(message.getChannel())) {
            return true;
        }
        connections.get(new ConnectionId(from.getId())).ifPresent(connection -> {
            if (ThywillExt.of(message).get("acks") instanceof Map<?, ?> acks && !acks.isEmpty()) {
                delivery.acknowledgedOnPoll(connection, acks);
            }
            sessions.active(connection.session());
        });
        return true;
    }
}
