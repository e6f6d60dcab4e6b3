package org.thywill.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.metrics.Counter;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;

/**
 * The delivery protocol's side of what clients send, for any Client Interface: acknowledgements (in a message of
 * their own or riding on the transport's polls) go to the {@link AcknowledgementListener}, latency reports to
 * their timer, and a message the session already sent (a retry after a reconnection, by its {@code id}) stops
 * here. Entries that are not an application id and a number are ignored, and only the first {@value #MAX_ENTRIES}
 * of a map: a page uses far fewer applications.
 */
public final class ClientDelivery {

    /** More applications than a page could use: the rest of a longer map is ignored. */
    public static final int MAX_ENTRIES = 64;
    /** A message to another application than the one its connection's page belongs to. */
    public static final String OTHER_APPLICATION = "other";
    private static final int MAX_LATENCY_SAMPLES = 200;
    private static final double MAX_LATENCY_MS = 3_600_000;

    private final Metrics metrics;
    private final ClientMessageIds clientIds = new ClientMessageIds();
    private final Map<String, Timer> handlerLatency = new ConcurrentHashMap<>();
    private final Counter acknowledgedOnPoll;
    private final Counter acknowledgedByMessage;
    private volatile AcknowledgementListener listener = AcknowledgementListener.NONE;

    /** @param metrics where the acknowledgements and the clients' latency reports are counted */
    public ClientDelivery(Metrics metrics) {
        this.metrics = metrics;
        String acknowledgements = "Acknowledgements of numbered messages from client libraries, by how they came:"
                + " in a /meta/connect, or as a message of their own.";
        acknowledgedOnPoll = metrics.counter("thywill.acknowledgements", acknowledgements, "carried", "connect");
        acknowledgedByMessage = metrics.counter("thywill.acknowledgements", acknowledgements, "carried", "message");
    }

    /** @param listener who hears acknowledgements from now on; null for nobody */
    public void listener(AcknowledgementListener listener) {
        this.listener = listener == null ? AcknowledgementListener.NONE : listener;
    }

    /** @return who hears acknowledgements */
    public AcknowledgementListener listener() {
        return listener;
    }

    /**
     * Handles the delivery protocol's part of a client message: an acknowledgement, a latency report, or a message
     * the session already sent.
     *
     * @param from the sending connection
     * @param applicationId the application it addressed
     * @param envelope the message
     * @return true if the message is done with and must not reach the application
     * @throws ClientMessageException when an acknowledgement, a latency report or an id is not of its shape
     */
    public boolean consumed(Connection from, String applicationId, Map<String, Object> envelope) {
        EnvelopeType type = EnvelopeType.of(envelope).orElse(null);
        if (type == EnvelopeType.ACK) {
            if (envelope.get("seq") instanceof Number seq) {
                listener.acknowledged(from, applicationId, seq.longValue());
                acknowledgedByMessage.increment();
            } else if (envelope.get("receipt") instanceof Number receipt) {
                listener.receiptAcknowledged(from, receipt.longValue());
            } else {
                throw new ClientMessageException(ClientMessageException.BAD_MESSAGE,
                        "An acknowledgement is " + EnvelopeType.ACK.shape("\"seq\":N") + " or "
                        + EnvelopeType.ACK.shape("\"receipt\":N") + ".");
            }
            return true;
        }
        if (type == EnvelopeType.LATENCY) {
            latency(from, applicationId, envelope.get("ms"));
            return true;
        }
        if (type != EnvelopeType.MESSAGE || !envelope.containsKey("id")) {
            return false;
        }
        Object id = envelope.get("id");
        if (!Envelopes.isClientId(id)) {
            // Kept per session to spot retries: an id of any length would let a client fill the memory.
            throw new ClientMessageException(ClientMessageException.BAD_MESSAGE, "A message's 'id' is a string of 1"
                    + " to " + Envelopes.MAX_ID_LENGTH + " characters; leave it out to send without one.");
        }
        return !clientIds.firstTime(from.session(), applicationId, (String) id);
    }

    /**
     * Acknowledgements that rode on a poll of the transport (a {@code /meta/connect}, say): {@code {"appId": seq}},
     * the last seq the client library handled per application since it last said so.
     *
     * @param from the connection
     * @param acks the map the client sent
     */
    public void acknowledgedOnPoll(Connection from, Map<?, ?> acks) {
        int seen = 0;
        for (Map.Entry<?, ?> ack : acks.entrySet()) {
            if (++seen > MAX_ENTRIES) {
                break;
            }
            if (ack.getKey() instanceof String applicationId && Envelopes.isName(applicationId, 0)
                    && ack.getValue() instanceof Number seq) {
                listener.acknowledged(from, applicationId, seq.longValue());
                acknowledgedOnPoll.increment();
            }
        }
    }

    /**
     * @param handled what a handshake says its client library handled: {@code {"appId": seq}}, or anything else
     * @param running the ids of the running applications: each entry becomes an inbox read from the Database, so
     *                entries naming another application are ignored
     * @return the last seq handled per running application
     */
    public static Map<String, Long> handled(Object handled, Collection<String> running) {
        Map<String, Long> seqs = new HashMap<>();
        if (handled instanceof Map<?, ?> given) {
            int seen = 0;
            for (Map.Entry<?, ?> entry : given.entrySet()) {
                if (++seen > MAX_ENTRIES) {
                    break;
                }
                if (entry.getKey() instanceof String id && entry.getValue() instanceof Number n
                        && running.contains(id)) {
                    seqs.put(id, n.longValue());
                }
            }
        }
        return Map.copyOf(seqs);
    }

    private void latency(Connection from, String applicationId, Object ms) {
        if (!(ms instanceof List<?> samples) || samples.size() > MAX_LATENCY_SAMPLES) {
            throw new ClientMessageException(ClientMessageException.BAD_MESSAGE, "A latency report is"
                    + " {\"type\":\"latency\",\"ms\":[...]} with at most " + MAX_LATENCY_SAMPLES + " numbers.");
        }
        Timer timer = handlerLatency(from, applicationId);
        for (Object sample : samples) {
            // Clocks set at handshake can be off by a little: a negative or absurd figure says nothing.
            if (sample instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= MAX_LATENCY_MS) {
                timer.recordNanos((long) (n.doubleValue() * 1_000_000));
            }
        }
    }

    /** The timer of its page's application, or {@value #OTHER_APPLICATION}: clients cannot multiply meters. */
    private Timer handlerLatency(Connection from, String applicationId) {
        String app = from.applicationId().equals(applicationId) ? applicationId : OTHER_APPLICATION;
        Timer timer = handlerLatency.get(app);
        return timer != null ? timer : handlerLatency.computeIfAbsent(app, a -> metrics.timer(
                "thywill.client.handler.latency", "From an application's send to the page's handler having run, as"
                        + " the browser library measured it (its clock set by the server's at handshake).",
                "application", a));
    }
}
