package org.thywill.client.cometd;

import java.util.Map;
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
import org.thywill.http.LogContext;

/**
 * Hands every message published on {@code /service/thywill/{appId}} to {@link InboundMessages}, in its connection's
 * logging context, and answers one that cannot be handled with the error envelope, to its sender alone.
 */
final class ClientMessageRelay implements ServerChannel.MessageListener {

    /** The ServerSession attribute holding its session's fingerprint, computed once per connection. */
    static final String SESSION_LOG_ID = "thywill.sessionLogId";

    private final Connections connections;
    private final InboundMessages inbound;

    ClientMessageRelay(Connections connections, InboundMessages inbound) {
        this.connections = connections;
        this.inbound = inbound;
    }

    @Override
    public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
        String applicationId = message.getChannel().substring(ChannelPolicy.SERVICE_PREFIX.length());
        Connection connection = connections.get(new ConnectionId(from.getId())).orElse(null);
        if (connection == null) {
            // Its connection has ended (the server is shutting down, say): the publish fails, so the client does
            // not take the message for accepted.
            return false;
        }
        LogContext.set(connection, from.getAttribute(SESSION_LOG_ID));
        try {
            Optional<Map<String, Object>> error = inbound.handle(connection, applicationId, message.getData());
            error.ifPresent(envelope -> from.deliver(null, Envelopes.applicationChannel(applicationId), envelope,
                    Promise.noop()));
        } finally {
            LogContext.clear();
        }
        return true;
    }
}
