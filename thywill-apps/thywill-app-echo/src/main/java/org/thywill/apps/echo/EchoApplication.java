package org.thywill.apps.echo;

import java.util.List;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;

/** Sends every message back, unchanged, to the connection it came from. */
public final class EchoApplication implements Application {

    private volatile ApplicationContext context;

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String title() {
        return "Thywill echo";
    }

    @Override
    public ClientSide client() {
        return new ClientSide("thywill/echo", "echo.html", List.of("echo.js"), List.of("echo.css"));
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
