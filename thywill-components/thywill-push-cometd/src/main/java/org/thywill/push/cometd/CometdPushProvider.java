package org.thywill.push.cometd;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.delivery.PresenceEvents;
import org.thywill.delivery.SessionInboxes;

/** Offers the Push {@code cometd}, the single-node Push. */
public final class CometdPushProvider implements ComponentProvider<CometdPushSettings> {

    @Override
    public ComponentDescriptor<CometdPushSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.PUSH, "cometd", CometdPushSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE));
    }

    @Override
    public Component create(CometdPushSettings settings, ComponentContext context) {
        Database database = context.component(Database.class);
        ClientInterface clients = context.component(ClientInterface.class);
        PresenceEvents events = new PresenceEvents("thywill-presence");
        return new CometdPush(clients, new SessionInboxes(clients, database::inbox, settings.inbox(), context.metrics()),
                new SessionChannels(database.memberships(), events, settings.presenceGrace()), events,
                database);
    }
}
