package org.thywill.apps.echo;

import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;

/** Sends every message back, unchanged, to the connection it came from. */
public final class EchoApplication implements Application {

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("echo", "Thywill echo", ClientSide.of("thywill/echo", "echo"));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(Connection from, Object data) {
        context.send(Target.connection(from.id()), data);
    }
}
