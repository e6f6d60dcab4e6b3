package org.thywill.server.receipts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;

/**
 * Forwards a page's {@code {"text":..,"to":<connection id>,"via":"session"|"connection"}} to that connection, or to
 * every page of its session, with a receipt, and reports the receipt to the sending page.
 */
public final class ReceiptProbeApplication implements Application {

    /** The application's id. */
    public static final String ID = "receipts";

    /** Every connection seen, also after it ended, so that a page can still name a session that went away. */
    private final Map<ConnectionId, SessionId> sessions = new ConcurrentHashMap<>();
    private volatile ApplicationContext context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ClientSide client() {
        return new ClientSide("thywill/receipts", "receipts.html", List.of("receipts.js"), List.of());
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        sessions.put(connection.id(), connection.session());
    }

    @Override
    public void onMessage(ClientMessage message) {
        Map<?, ?> data = (Map<?, ?>) message.data();
        ConnectionId to = new ConnectionId((String) data.get("to"));
        Target target = "connection".equals(data.get("via")) ? Target.connection(to).withReceipt()
                : Target.session(sessions.get(to)).withReceipt();
        context.reportDelivery(message, context.send(target, Map.of("text", data.get("text"))));
    }
}
