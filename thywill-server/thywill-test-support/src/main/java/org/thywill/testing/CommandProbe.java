package org.thywill.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;

/**
 * What every test application driven by commands needs, so that each probe holds only its own behaviour: its id, its
 * context, the connections that asked to watch its events, and answering a command's sender. A probe that is also
 * a {@link PresenceListener} is registered as its application's listener while it runs.
 */
public abstract class CommandProbe implements Application {

    private final String id;
    private final Set<ConnectionId> watchers = ConcurrentHashMap.newKeySet();
    private volatile ApplicationContext context;

    /** @param id the application's id */
    protected CommandProbe(String id) {
        this.id = id;
    }

    /** @return the probe's id, titled with itself and without a page; a probe with a page overrides this */
    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(id);
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
        if (this instanceof PresenceListener listener) {
            context.onPresence(listener);
        }
    }

    @Override
    public void stop() {
        if (this instanceof PresenceListener) {
            context.onPresence(PresenceListener.NONE);
        }
    }

    /** A watcher that goes away is told nothing more. Overriders call this first. */
    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        watchers.remove(connection.id());
    }

    /** @return the context the server started this probe with */
    protected final ApplicationContext context() {
        return context;
    }

    /**
     * Sends to the connection a command came from.
     *
     * @param to the command's sender
     * @param data the answer
     */
    protected final void answer(Connection to, Object data) {
        context.send(Target.connection(to.id()), data);
    }

    /**
     * Tells the sender of a {@code watch} command of the probe's later events, and answers it.
     *
     * @param from the sender
     * @param acknowledgement what it is answered at once
     */
    protected final void watch(Connection from, Object acknowledgement) {
        watchers.add(from.id());
        answer(from, acknowledgement);
    }

    /** @param event sent to every connection watching */
    protected final void tellWatchers(Object event) {
        for (ConnectionId watcher : watchers) {
            context.send(Target.connection(watcher), event);
        }
    }
}
