package org.thywill.http;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.thywill.api.client.Connection;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.metrics.Counter;
import org.thywill.api.metrics.Metrics;
import org.thywill.delivery.ClientDelivery;

/**
 * The Client Interface's meters, registered once and kept, so that counting a message costs a map read and an
 * add. Application ids come from the server's own applications (a client's handshake names a running one), never
 * from what a client writes, so their number stays small.
 */
public final class ClientMetrics {

    /** A message to another application than the one its connection's page belongs to. */
    public static final String OTHER_APPLICATION = ClientDelivery.OTHER_APPLICATION;
    private static final String CHANNEL_PREFIX = "/thywill/";

    private final Metrics metrics;
    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Map<String, Counter> handshakes = new ConcurrentHashMap<>();
    private final Map<SessionId, Integer> sessions = new ConcurrentHashMap<>();
    private final Map<DisconnectReason, Counter> disconnects = new EnumMap<>(DisconnectReason.class);
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Counter slowConsumer;
    private final Counter rateLimited;
    private final Counter oversized;
    private final Counter refusedHandshakes;
    private final Counter refusedServerWide;
    private final Counter refusedPerAddress;

    /** @param metrics where the meters are registered, with the sessions and the Bayeux transports */
    public ClientMetrics(Metrics metrics) {
        this(metrics, true, "websocket", "long-polling");
    }

    /**
     * @param metrics where the meters are registered
     * @param countsSessions whether to register the {@code thywill.sessions} gauge: only one Client Interface of a
     *                       server may, since registering a gauge again replaces it
     * @param transports the transports whose connection gauges read zero before their first connection
     */
    public ClientMetrics(Metrics metrics, boolean countsSessions, String... transports) {
        this.metrics = metrics;
        if (countsSessions) {
            metrics.gauge("thywill.sessions", "Sessions (browsers) with at least one connection to this node.",
                    sessions::size);
        }
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnects.put(reason, metrics.counter("thywill.disconnects", "Connections that ended, by reason.",
                    "reason", reason.name().toLowerCase(Locale.ROOT)));
        }
        String dropped = "Messages dropped instead of delivered, by reason.";
        slowConsumer = metrics.counter("thywill.messages.dropped", dropped, "reason", "slow-consumer");
        rateLimited = metrics.counter("thywill.messages.dropped", dropped, "reason", "rate-limited");
        oversized = metrics.counter("thywill.messages.dropped", dropped, "reason", "oversized");
        String refused = "Handshakes refused, by reason: the server was shutting down, or held the most"
                + " connections in all or from the client's address.";
        refusedHandshakes = metrics.counter("thywill.handshakes.refused", refused, "reason", "draining");
        refusedServerWide = metrics.counter("thywill.handshakes.refused", refused, "reason", "max-connections");
        refusedPerAddress = metrics.counter("thywill.handshakes.refused", refused, "reason",
                "max-connections-per-address");
        for (String transport : transports) {
            transport(transport);
        }
    }

    /** @param count counts the Bayeux channels that exist, which clients must not be able to multiply */
    public void channels(IntSupplier count) {
        metrics.gauge("thywill.bayeux.channels", "Bayeux channels on this node: CometD's own, and the service"
                + " channels of running applications that clients sent to lately.", count::getAsInt);
    }

    /** @return counts messages a slow consumer's queue dropped */
    public Counter slowConsumer() {
        return slowConsumer;
    }

    /** @return counts messages over a connection's rate limit */
    public Counter rateLimited() {
        return rateLimited;
    }

    /** @return counts messages over the size limit */
    public Counter oversized() {
        return oversized;
    }

    /** @return counts handshakes refused while draining */
    public Counter refusedHandshakes() {
        return refusedHandshakes;
    }

    /** @return counts handshakes refused because the server held {@code maxConnections} */
    public Counter refusedServerWide() {
        return refusedServerWide;
    }

    /** @return counts handshakes refused because the client's address held {@code maxConnectionsPerAddress} */
    public Counter refusedPerAddress() {
        return refusedPerAddress;
    }

    /** @param connection a connection that opened: counted by transport and session */
    public void connected(Connection connection) {
        transport(connection.transport()).incrementAndGet();
        handshakes.get(connection.transport()).increment();
        sessions.merge(connection.session(), 1, Integer::sum);
    }

    /**
     * @param connection a connection that ended
     * @param reason why, counted
     */
    public void disconnected(Connection connection, DisconnectReason reason) {
        transport(connection.transport()).decrementAndGet();
        sessions.computeIfPresent(connection.session(), (s, n) -> n <= 1 ? null : n - 1);
        disconnects.get(reason).increment();
    }

    /**
     * @param from the sending connection
     * @param applicationId the application it addressed
     * @return the counter of messages received for it: its page's application, or {@value #OTHER_APPLICATION}
     */
    public Counter received(Connection from, String applicationId) {
        String app = from.applicationId().equals(applicationId) ? applicationId : OTHER_APPLICATION;
        Counter counter = received.get(app);
        return counter != null ? counter : received.computeIfAbsent(app, a -> metrics.counter(
                "thywill.messages.received", "Messages clients sent to an application.", "application", a));
    }

    /**
     * @param applicationId a running application's id
     * @return the counter of message copies queued for connections on the application's behalf
     */
    public Counter sent(String applicationId) {
        Counter counter = sent.get(applicationId);
        return counter != null ? counter : sent.computeIfAbsent(applicationId, a -> metrics.counter(
                "thywill.messages.sent", "Message copies queued for connections, by sending application.",
                "application", a));
    }

    /**
     * @param channel a Bayeux channel such as {@code /thywill/chat} or {@code /thywill/chat/channel/room}, named by
     *                the server's own code (the Push), never by a client
     * @return the counter of its application's sent messages
     */
    public Counter sentOn(String channel) {
        if (!channel.startsWith(CHANNEL_PREFIX)) {
            return sent(OTHER_APPLICATION);
        }
        int end = channel.indexOf('/', CHANNEL_PREFIX.length());
        String app = end < 0 ? channel.substring(CHANNEL_PREFIX.length())
                : channel.substring(CHANNEL_PREFIX.length(), end);
        return sent(app);
    }

    private AtomicInteger transport(String name) {
        AtomicInteger count = connections.get(name);
        if (count != null) {
            return count;
        }
        return connections.computeIfAbsent(name, t -> {
            AtomicInteger created = new AtomicInteger();
            metrics.gauge("thywill.connections", "Open connections on this node, by transport.", created::get,
                    "transport", t);
            handshakes.put(t, metrics.counter("thywill.handshakes", "Connections opened (handshakes), by"
                    + " transport.", "transport", t));
            return created;
        });
    }
}
