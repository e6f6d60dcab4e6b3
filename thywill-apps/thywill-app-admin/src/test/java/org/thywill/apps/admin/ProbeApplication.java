package org.thywill.apps.admin;

import org.thywill.api.client.Connection;
import org.thywill.testing.CommandProbe;

/** An application for the console to show: each connection's session joins the channel {@code lobby}. */
public final class ProbeApplication extends CommandProbe {

    /** For ServiceLoader. */
    public ProbeApplication() {
        super("probe");
    }

    @Override
    public void onConnect(Connection connection) {
        context().join("lobby", connection.id());
    }
}
