package org.thywill.client.cometd;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.database.Database;

/** Offers the Client Interface {@code cometd}: Jetty for HTTP, CometD for Bayeux. */
public final class CometdClientInterfaceProvider implements ComponentProvider<CometdSettings> {

    @Override
    public Slot slot() {
        return Slot.CLIENT_INTERFACE;
    }

    @Override
    public String name() {
        return "cometd";
    }

    @Override
    public Class<CometdSettings> settingsType() {
        return CometdSettings.class;
    }

    @Override
    public Set<Slot> dependencies() {
        return Set.of(Slot.LOG, Slot.DATABASE, Slot.AUTHENTICATION);
    }

    @Override
    public Component create(CometdSettings settings, ComponentContext context) {
        return new CometdClientInterface(settings, context.server(), context.bootstrap(),
                context.component(Database.class), context.component(Authenticator.class), context.metrics());
    }
}
