package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.push.Envelopes;
import org.thywill.delivery.ClientDelivery;
import org.thywill.delivery.ConnectionRegistry;

/**
 * Hands every message published on {@code /service/thywill/{appId}} to the router, and answers a message that
 * cannot be handled with an error envelope to its sender alone. The delivery protocol's messages (acknowledgements,
 * latency reports) and repeated client messages (same id) stop here, at {@link ClientDelivery}. While a message is handled, the logging context (MDC) holds
 * {@value #MDC_APPLICATION}, {@value #MDC_SESSION} and {@value #MDC_CONNECTION}, so every line logged about it
 * names them (the JSON log writes them as fields). The session appears as its fingerprint
 * ({@link org.thywill.api.admin.ServerView#fingerprint}), never as the id itself, which is the browser's session
 * cookie.
 */
final class ClientMessageRelay implements ServerChannel.MessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClientMessageRelay.class);
    static final String MDC_APPLICATION = "applicationId";
    static final String MDC_SESSION = "sessionId";
    static final String MDC_CONNECTION = "connectionId";
    /** The ServerSession attribute holding its session's fingerprint, computed once per connection. */
    static final String SESSION_LOG_ID = "thywill.sessionLogId";

    private final ConnectionRegistry registry;
    private final ClientDelivery delivery;
    private final ClientMetrics metrics;
    private volatile MessageRouter router;

    ClientMessageRelay(ConnectionRegistry registry, ClientDelivery delivery, ClientMetrics metrics) {
        this.registry = registry;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    void router(MessageRouter router) {
        this.router = router;
    }

    @Override
    public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
        String applicationId = message.getChannel().substring(ChannelPolicy.SERVICE_PREFIX.length());
        Connection connection = registry.get(new ConnectionId(from.getId())).orElse(null);
        if (connection == null) {
            // Its connection has ended (the server is shutting down, say): the publish fails, so the client does
            // not take the message for accepted.
            return false;
        }
        context(connection, from.getAttribute(SESSION_LOG_ID));
        MDC.put(MDC_APPLICATION, applicationId);
        try {
            MessageRouter current = router;
            if (current == null) {
                throw new ClientMessageException(ClientMessageException.UNKNOWN_APPLICATION,
                        "The server is starting; no application is running yet.");
            }
            if (!(message.getData() instanceof Map<?, ?> data)) {
                throw new ClientMessageException(ClientMessageException.BAD_MESSAGE,
                        "A message must be a JSON object such as {\"type\":\"message\",\"data\":...}.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = (Map<String, Object>) data;
            if (!delivery.consumed(connection, applicationId, envelope)) {
                current.route(connection, applicationId, envelope);
                metrics.received(connection, applicationId).increment();
            }
        } catch (ClientMessageException e) {
            reply(from, applicationId, e.code(), e.getMessage(), message);
        } catch (RuntimeException e) {
            metrics.received(connection, applicationId).increment();
            LOG.error("Application '{}' failed on a message from connection {}", applicationId, from.getId(), e);
            reply(from, applicationId, ClientMessageException.APPLICATION_ERROR,
                    "The application failed to handle the message; the server log has the details.", message);
        } finally {
            clearContext();
        }
        return true;
    }

    /** Sets the logging context of a connection, for lines logged about it; {@link #clearContext} undoes it. */
    static void context(Connection connection, Object sessionLogId) {
        MDC.put(MDC_APPLICATION, connection.applicationId());
        MDC.put(MDC_SESSION, String.valueOf(sessionLogId));
        MDC.put(MDC_CONNECTION, connection.id().value());
    }

    static void clearContext() {
        MDC.remove(MDC_APPLICATION);
        MDC.remove(MDC_SESSION);
        MDC.remove(MDC_CONNECTION);
    }

    /** Answers the sender alone, naming the message's id when it gave one, so that the page knows which failed. */
    private static void reply(ServerSession to, String applicationId, String code, String text,
                              ServerMessage cause) {
        Map<String, Object> error = Envelopes.error(code, text);
        if (cause.getData() instanceof Map<?, ?> data && Envelopes.isClientId(data.get("id"))) {
            error.put("id", data.get("id"));
        }
        to.deliver(null, Envelopes.applicationChannel(applicationId), error, org.cometd.bayeux.Promise.noop());
    }
}
