package org.thywill.client.websocket;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.database.Database;

/**
 * Offers the Client Interface {@code websocket}: a plain WebSocket with a small JSON protocol, for clients that do not
 * speak Bayeux. Beside another Client Interface its settings are the sub-section {@code plain}, since {@code cometd}
 * has a key {@code websocket} of its own.
 */
public final class WebSocketClientInterfaceProvider implements ComponentProvider<WebSocketSettings> {

    @Override
    public ComponentDescriptor<WebSocketSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.CLIENT_INTERFACE, "websocket", WebSocketSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.AUTHENTICATION));
    }

    @Override
    public String settingsSection() {
        return "plain";
    }

    @Override
    public Component create(WebSocketSettings settings, ComponentContext context) {
        return new WebSocketClientInterface(settings, context.server(), context.bootstrap(),
                context.component(Database.class), context.component(Authenticator.class), context.metrics());
    }
}
