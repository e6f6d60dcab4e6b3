package org.thywill.http;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.thywill.api.admin.ConnectionAdmin;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.client.SessionId;
import org.thywill.api.metrics.Metrics;
import org.thywill.delivery.ClientDelivery;

/**
 * The part of a Client Interface that is the same whatever the transport: the connections it holds
 * ({@link Connections}), the messages they send ({@link InboundMessages}), the delivery protocol they speak
 * ({@link ClientDelivery}) and their meters ({@link ClientMetrics}), with the contract's methods that only hand over
 * to them. A transport extends it and adds its own: start, open, stop, deliver, and the telling of connections.
 */
public abstract class TransportClientInterface implements ClientInterface, ConnectionAdmin {

    /** The delivery protocol's side of client messages: acknowledgements, latency, repeated ids. */
    protected final ClientDelivery delivery;
    /** The meters of connections and messages. */
    protected final ClientMetrics metrics;
    /** The connections held, and the telling of their coming and going. */
    protected final Connections connections;
    /** Where client messages go, to the router. */
    protected final InboundMessages inbound;

    /** @param metrics where the meters are registered */
    protected TransportClientInterface(Metrics metrics) {
        this(metrics, new ClientMetrics(metrics));
    }

    /**
     * @param metrics where the delivery protocol's meters are registered
     * @param clientMetrics the meters of connections and messages, for a transport that registers fewer of them
     */
    protected TransportClientInterface(Metrics metrics, ClientMetrics clientMetrics) {
        this.delivery = new ClientDelivery(metrics);
        this.metrics = clientMetrics;
        this.connections = new Connections(this.metrics);
        this.inbound = new InboundMessages(connections, delivery, this.metrics);
    }

    @Override
    public void route(MessageRouter router) {
        inbound.router(router);
    }

    @Override
    public void addListener(ConnectionListener listener) {
        connections.addListener(listener);
    }

    @Override
    public void acknowledgements(AcknowledgementListener listener) {
        delivery.listener(listener);
    }

    @Override
    public Optional<Connection> connection(ConnectionId id) {
        return connections.get(id);
    }

    @Override
    public Collection<ConnectionId> connectionsOf(SessionId session) {
        return connections.ofSession(session);
    }

    @Override
    public List<Connection> connections() {
        return connections.all();
    }
}
