package org.thywill.kernel.components;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.Health;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.admin.ConnectionAdmin;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.client.SessionId;

/**
 * Several Client Interfaces in one server ({@code clientInterface.implementation: [cometd, websocket]}), seen by the
 * other components as one: every registration goes to each, a delivery to each (each skips the connections it does
 * not hold, and connection ids are unique across them), look-ups ask each in turn. The first listed is the one
 * whose port the server reports and which serves the pages.
 */
final class ComposedClientInterface implements ClientInterface, ConnectionAdmin {

    private final Map<String, ClientInterface> parts;

    /** @param parts the Client Interfaces by implementation name, the first listed first */
    ComposedClientInterface(Map<String, ClientInterface> parts) {
        this.parts = new LinkedHashMap<>(parts);
    }

    /**
     * @param implementation an implementation's name
     * @return that part, if it is one
     */
    Optional<ClientInterface> part(String implementation) {
        return Optional.ofNullable(parts.get(implementation));
    }

    /** Starts each in turn; on a failure, stops those already started, last first. */
    @Override
    public void start() throws Exception {
        List<ClientInterface> started = new ArrayList<>();
        try {
            for (ClientInterface part : parts.values()) {
                part.start();
                started.add(part);
            }
        } catch (Exception e) {
            stopAll(started);
            throw e;
        }
    }

    @Override
    public void open() throws Exception {
        for (ClientInterface part : parts.values()) {
            part.open();
        }
    }

    @Override
    public void drain() {
        parts.values().forEach(ClientInterface::drain);
    }

    @Override
    public void stop() {
        stopAll(new ArrayList<>(parts.values()));
    }

    private static void stopAll(List<ClientInterface> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    @Override
    public int port() {
        return first().port();
    }

    @Override
    public void route(MessageRouter router) {
        parts.values().forEach(part -> part.route(router));
    }

    @Override
    public void addListener(ConnectionListener listener) {
        parts.values().forEach(part -> part.addListener(listener));
    }

    @Override
    public void acknowledgements(AcknowledgementListener listener) {
        parts.values().forEach(part -> part.acknowledgements(listener));
    }

    @Override
    public int deliver(Collection<ConnectionId> targets, String channel, Map<String, Object> data) {
        int queued = 0;
        for (ClientInterface part : parts.values()) {
            queued += part.deliver(targets, channel, data);
        }
        return queued;
    }

    @Override
    public Optional<Connection> connection(ConnectionId id) {
        for (ClientInterface part : parts.values()) {
            Optional<Connection> found = part.connection(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public Collection<ConnectionId> connectionsOf(SessionId session) {
        Collection<ConnectionId> all = new LinkedHashSet<>();
        parts.values().forEach(part -> all.addAll(part.connectionsOf(session)));
        return all;
    }

    @Override
    public List<Connection> connections() {
        List<Connection> all = new ArrayList<>();
        admins().forEach(admin -> all.addAll(admin.connections()));
        return all;
    }

    /** Asks each part, since a connection is held by exactly one. */
    @Override
    public boolean close(ConnectionId connection, String code, String message) {
        return parts.values().stream().anyMatch(part -> part.close(connection, code, message));
    }

    @Override
    public int disconnect(SessionId session) {
        return admins().stream().mapToInt(admin -> admin.disconnect(session)).sum();
    }

    private List<ConnectionAdmin> admins() {
        return parts.values().stream().filter(ConnectionAdmin.class::isInstance).map(ConnectionAdmin.class::cast)
                .toList();
    }

    @Override
    public void contribute(ClientConfiguration configuration) {
        parts.values().forEach(part -> part.contribute(configuration));
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> all = new ArrayList<>();
        parts.values().forEach(part -> all.addAll(part.endpoints()));
        return all;
    }

    /** @return the first part that is not up, else the first's */
    @Override
    public Health health() {
        Health first = null;
        for (ClientInterface part : parts.values()) {
            Health health = part.health();
            if (first == null) {
                first = health;
            }
            if (!health.up()) {
                return health;
            }
        }
        return first;
    }

    private ClientInterface first() {
        return parts.values().iterator().next();
    }
}
