package org.thywill.server.receipts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresentSession;

/**
 * Forwards a page's {@code {"text":..,"to":<connection id>,"via":"session"|"connection"}} to that connection, or to
 * every page of its session, or {@code {"text":..,"via":"channel"}} to every other session present in the room, with
 * a receipt, and reports the receipt to the sending page.
 */
public final class ReceiptProbeApplication implements Application {

    /** The application's id. */
    public static final String ID = "receipts";
    /** The channel every page joins. */
    static final String ROOM = "room";

    /** Every connection seen, also after it ended, so that a page can still name a session that went away. */
    private final Map<ConnectionId, SessionId> sessions = new ConcurrentHashMap<>();
    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID, null,
                new ClientSide("thywill/receipts", "receipts.html", List.of("receipts.js"), List.of()));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        sessions.put(connection.id(), connection.session());
        context.join(ROOM, connection.id());
    }

    @Override
    public void onMessage(ClientMessage message) {
        Map<?, ?> data = (Map<?, ?>) message.data();
        Map<String, Object> forward = Map.of("text", data.get("text"));
        if ("channel".equals(data.get("via"))) {
            // A channel send gives no receipt: one send per other session present in the room, reported together.
            context.reportDelivery(message, context.presence(ROOM).stream().map(PresentSession::session)
                    .filter(session -> !session.equals(message.from().session()))
                    .map(session -> context.send(Target.session(session).withReceipt(), forward)).toList());
            return;
        }
        ConnectionId to = new ConnectionId((String) data.get("to"));
        Target target = "connection".equals(data.get("via")) ? Target.connection(to).withReceipt()
                : Target.session(sessions.get(to)).withReceipt();
        context.reportDelivery(message, context.send(target, forward));
    }
}
