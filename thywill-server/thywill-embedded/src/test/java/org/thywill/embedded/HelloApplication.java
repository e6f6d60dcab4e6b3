package org.thywill.embedded;

import java.util.List;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;

/** Greets whoever writes, as a one-class program would: no service entry lists it. */
final class HelloApplication implements Application {

    private final String greeting;
    private volatile ApplicationContext context;

    HelloApplication(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("hello", null, new ClientSide("hello", "hello.html", List.of(), List.of()));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(Connection from, Object data) {
        context.send(Target.connection(from.id()), greeting + ", " + data);
    }
}
