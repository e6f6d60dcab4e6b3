package org.thywill.client.cometd;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.database.Database;

/** Offers the Client Interface {@code cometd}: Jetty for HTTP, CometD for Bayeux. */
public final class CometdClientInterfaceProvider implements ComponentProvider<CometdSettings> {

    @Override
    public ComponentDescriptor<CometdSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.CLIENT_INTERFACE, "cometd", CometdSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.AUTHENTICATION));
    }

    @Override
    public Component create(CometdSettings settings, ComponentContext context) {
        return new CometdClientInterface(settings, context.server(), context.bootstrap(),
                context.component(Database.class), context.component(Authenticator.class), context.metrics());
    }
}
