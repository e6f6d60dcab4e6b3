package org.thywill.http;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;
import org.thywill.delivery.ClientDelivery;

/**
 * Hands every message a client sends to an application to the router, whatever the transport. The delivery
 * protocol's messages (acknowledgements, latency reports) and repeated client messages (same id) stop here, at
 * {@link ClientDelivery}. A message that cannot be handled gets an error envelope for its sender alone, never an
 * exception's text. Thread-safe.
 */
public final class InboundMessages {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMessages.class);

    private final Connections connections;
    private final ClientDelivery delivery;
    private final ClientMetrics metrics;
    private volatile MessageRouter router;

    /**
     * @param connections the connections held, for their logging context
     * @param delivery reads the delivery protocol's messages
     * @param metrics counts the messages received
     */
    public InboundMessages(Connections connections, ClientDelivery delivery, ClientMetrics metrics) {
        this.connections = connections;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    /** @param router where messages go from now on: the Application Interface's */
    public void router(MessageRouter router) {
        this.router = router;
    }

    /**
     * Routes one message, in the connection's logging context ({@link LogContext}), so that every line logged about
     * it names the application, the session and the connection.
     *
     * @param from the sending connection
     * @param applicationId the application it addressed
     * @param data what it sent: an envelope, a JSON object
     * @return the error envelope to send back to the sender on the application's channel, or empty
     */
    public Optional<Map<String, Object>> handle(Connection from, String applicationId, Object data) {
        connections.logContext(from);
        LogContext.application(applicationId);
        try {
            MessageRouter current = router;
            if (current == null) {
                throw new ClientMessageException(ClientMessageException.UNKNOWN_APPLICATION,
                        "The server is starting; no application is running yet.");
            }
            if (!(data instanceof Map<?, ?> map)) {
                throw new ClientMessageException(ClientMessageException.BAD_MESSAGE,
                        "A message must be a JSON object such as {\"type\":\"message\",\"data\":...}.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = (Map<String, Object>) map;
            if (!delivery.consumed(from, applicationId, envelope)) {
                current.route(from, applicationId, envelope);
                metrics.received(from, applicationId).increment();
            }
            return Optional.empty();
        } catch (ClientMessageException e) {
            return Optional.of(error(e.code(), e.getMessage(), data));
        } catch (RuntimeException e) {
            metrics.received(from, applicationId).increment();
            LOG.error("Application '{}' failed on a message from connection {}", applicationId, from.id().value(), e);
            return Optional.of(error(ClientMessageException.APPLICATION_ERROR,
                    "The application failed to handle the message; the server log has the details.", data));
        } finally {
            LogContext.clear();
        }
    }

    /** An error envelope naming the message's id when it gave one, so that the page knows which send failed. */
    private static Map<String, Object> error(String code, String text, Object cause) {
        Map<String, Object> error = Envelopes.error(code, text);
        if (cause instanceof Map<?, ?> data && Envelopes.isClientId(data.get("id"))) {
            error.put("id", data.get("id"));
        }
        return error;
    }

    /**
     * What a client is told when its message to an application was dropped before reaching it (over a limit, or to
     * an application not running): an {@code rpc-error} under the call's id for a remote call, so that its promise
     * settles at once, else a plain error envelope.
     *
     * @param data what the client sent
     * @param code the error code of a plain error envelope
     * @param callCode the error code of a remote call's {@code rpc-error}, where the two protocols differ
     * @param reason what happened and what to change
     * @return the envelope to send back on the application's channel
     */
    public static Map<String, Object> refusal(Object data, String code, String callCode, String reason) {
        Object callId = data instanceof Map<?, ?> map && EnvelopeType.CALL.is(map) ? map.get("id") : null;
        return callId != null ? RpcEnvelopes.error(callId, callCode, reason) : Envelopes.error(code, reason);
    }

    /**
     * What a connection is told when the messages waiting for it were dropped because it reads too slowly.
     *
     * @param dropped how many
     * @return the error envelope to send it on its application's channel
     */
    public static Map<String, Object> fellBehind(int dropped) {
        return Envelopes.error(ClientMessageException.SLOW_CONSUMER, dropped + " messages were waiting for this"
                + " connection, more than the server keeps; they were dropped (those kept in the session's inbox come"
                + " again as they are acknowledged). Read faster or ask for less.");
    }
}
