package org.thywill.client.cometd;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.database.SessionStore;
import org.thywill.delivery.ConnectionRegistry;

/**
 * Tells the session store that a connection's session is in use at each {@code /meta/connect}, so that a page
 * left open for longer than the session lifetime keeps its session. The store writes it at most once in a while.
 */
final class ConnectActivity implements BayeuxServer.Extension {

    private final ConnectionRegistry registry;
    private final SessionStore sessions;

    /**
     * @param registry the connections held here
     * @param sessions the store told of activity
     */
    ConnectActivity(ConnectionRegistry registry, SessionStore sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        if (from != null && Channel.META_CONNECT.equals(message.getChannel())) {
            registry.get(new ConnectionId(from.getId())).ifPresent(c -> sessions.active(c.session()));
        }
        return true;
    }
}
