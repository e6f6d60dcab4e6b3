package org.thywill.apps.admin;

import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.client.Connection;

/** An application for the console to show: each connection's session joins the channel {@code lobby}. */
public final class ProbeApplication implements Application {

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("probe");
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        context.join("lobby", connection.id());
    }
}
