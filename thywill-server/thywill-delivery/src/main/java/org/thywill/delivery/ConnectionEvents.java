package org.thywill.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;

/**
 * Tells of connections as every Client Interface must (documentation/architecture.md, "How to write a second Client
 * Interface"): an acknowledging connection to the {@link AcknowledgementListener} first, so that the Push replays
 * its inboxes before anything else reaches it, then each {@link ConnectionListener} in the order they registered.
 * A listener that throws is logged and the others are still told. Thread-safe.
 */
public final class ConnectionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ClientDelivery delivery;

    /** @param delivery holds the acknowledgement listener */
    public ConnectionEvents(ClientDelivery delivery) {
        this.delivery = delivery;
    }

    /** @param listener told of every connection and disconnection from now on */
    public void add(ConnectionListener listener) {
        listeners.add(listener);
    }

    /**
     * @param connection a connection that arrived
     * @param acknowledges its client library acknowledges what it handled
     * @param handled the last seq it handled per running application
     */
    public void connected(Connection connection, boolean acknowledges, Map<String, Long> handled) {
        if (acknowledges) {
            AcknowledgementListener acknowledgements = delivery.listener();
            notify(() -> acknowledgements.acknowledging(connection, handled), acknowledgements);
        }
        for (ConnectionListener l : listeners) {
            notify(() -> l.connected(connection), l);
        }
    }

    /**
     * @param connection a connection that ended
     * @param reason why
     */
    public void disconnected(Connection connection, DisconnectReason reason) {
        for (ConnectionListener l : listeners) {
            notify(() -> l.disconnected(connection, reason), l);
        }
    }

    private static void notify(Runnable call, Object listener) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("Listener {} failed", listener, e);
        }
    }
}
