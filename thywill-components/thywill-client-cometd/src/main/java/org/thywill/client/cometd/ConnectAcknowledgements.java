package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ConnectionId;
import org.thywill.delivery.ClientDelivery;
import org.thywill.delivery.ConnectionRegistry;

/**
 * Acknowledgements that ride on {@code /meta/connect}: {@code ext.thywill.acks}, {@code {"appId": seq}}. CometD's
 * acknowledge extension delivers numbered messages in {@code /meta/connect} replies only, and the client sends its
 * next connect as soon as it has handled a reply's messages, so the acknowledgement costs no message of its own.
 * The connect itself is never refused for a malformed entry: the client library acknowledges again after its next
 * reconnection, and its handshake says what it handled.
 */
final class ConnectAcknowledgements implements BayeuxServer.Extension {

    private final ConnectionRegistry registry;
    private final ClientDelivery delivery;

    /**
     * @param registry the connections held here
     * @param delivery reads the acknowledgements and tells the Push
     */
    ConnectAcknowledgements(ConnectionRegistry registry, ClientDelivery delivery) {
        this.registry = registry;
        this.delivery = delivery;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || !Channel.META_CONNECT.equals(message.getChannel())) {
            return true;
        }
        Map<String, Object> ext = message.getExt();
        if (ext == null || !(ext.get("thywill") instanceof Map<?, ?> thywill)
                || !(thywill.get("acks") instanceof Map<?, ?> acks) || acks.isEmpty()) {
            return true;
        }
        registry.get(new ConnectionId(from.getId())).ifPresent(c -> delivery.acknowledgedOnPoll(c, acks));
        return true;
    }
}
