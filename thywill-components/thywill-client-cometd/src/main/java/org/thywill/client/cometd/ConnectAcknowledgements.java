package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.metrics.Counter;
import org.thywill.api.push.Envelopes;

/**
 * Acknowledgements that ride on {@code /meta/connect}: {@code ext.thywill.acks}, {@code {"appId": seq}}, the last seq
 * the client library handled per application since it last said so. CometD's acknowledge extension delivers
 * numbered messages in {@code /meta/connect} replies only, and the client sends its next connect as soon as it has
 * handled a reply's messages, so the acknowledgement costs no message of its own: a publish per acknowledgement
 * cost a round trip through the whole inbound path for about every delivery to a busy page. Entries that are not an
 * application id and a number are ignored, and the connect itself is never refused for them: the client library
 * acknowledges again after its next reconnection, and its handshake says what it handled.
 */
final class ConnectAcknowledgements implements BayeuxServer.Extension {

    /** More applications than a page could use: the rest of a longer map is ignored. */
    static final int MAX_ENTRIES = 64;

    private final ConnectionRegistry registry;
    private final SessionInboxes inboxes;
    private final Counter acknowledged;

    /**
     * @param registry the connections held here
     * @param inboxes the session inboxes
     * @param acknowledged counts the acknowledgements taken from connects
     */
    ConnectAcknowledgements(ConnectionRegistry registry, SessionInboxes inboxes, Counter acknowledged) {
        this.registry = registry;
        this.inboxes = inboxes;
        this.acknowledged = acknowledged;
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
        Connection connection = registry.get(new ConnectionId(from.getId())).orElse(null);
        if (connection == null) {
            return true;
        }
        int seen = 0;
        for (Map.Entry<?, ?> ack : acks.entrySet()) {
            if (++seen > MAX_ENTRIES) {
                break;
            }
            if (ack.getKey() instanceof String applicationId && Envelopes.isName(applicationId, 0)
                    && ack.getValue() instanceof Number seq) {
                inboxes.acknowledge(connection.id(), connection.session(), applicationId, seq.longValue());
                acknowledged.increment();
            }
        }
        return true;
    }
}
