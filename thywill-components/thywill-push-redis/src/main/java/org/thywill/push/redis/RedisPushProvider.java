package org.thywill.push.redis;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.delivery.SessionInboxes;

/** Offers the Push {@code redis}, which lets several Thywill nodes serve one set of clients. */
public final class RedisPushProvider implements ComponentProvider<RedisPushSettings> {

    @Override
    public ComponentDescriptor<RedisPushSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.PUSH, "redis", RedisPushSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE));
    }

    @Override
    public Component create(RedisPushSettings settings, ComponentContext context) {
        // The memberships it keeps in Redis end with their sessions, which the Database expires.
        Database database = context.component(Database.class);
        ClientInterface clients = context.component(ClientInterface.class);
        return new RedisPush(settings, clients, database.sessions().lifetime(),
                new SessionInboxes(clients, database::inbox, settings.inbox(),
                        context.metrics()), database);
    }
}
