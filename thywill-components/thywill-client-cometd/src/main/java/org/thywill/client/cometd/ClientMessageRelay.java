package org.thywill.client.cometd;

import java.util.Optional;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.push.Envelopes;
import org.thywill.http.Connections;
import org.thywill.http.InboundMessages;

/**
 * Hands every message published on {@code /service/thywill/{appId}} to {@link InboundMessages}, and answers one that
 * cannot be handled with the error envelope, to its sender alone.
 */
final class ClientMessageRelay implements ServerChannel.MessageListener {

    private final Connections connections;
    private final InboundMessages inbound;

    ClientMessageRelay(Connections connections, InboundMessages inbound) {
        this.connections = connections;
        this.inbound = inbound;
    }

    @Override
    public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
        String applicationId = message.getChannel().substring(ChannelPolicy.SERVICE_PREFIX.length());
        Optional<Connection> connection = connections.get(new ConnectionId(from.getId()));
        // Without its connection (the server is shutting down, say) the publish fails, so the client does not take
        // the message for accepted.
        connection.flatMap(c -> inbound.handle(c, applicationId, message.getData()))
                .ifPresent(error -> from.deliver(null, Envelopes.applicationChannel(applicationId), error,
                        Promise.noop()));
        return connection.isPresent();
    }
}
