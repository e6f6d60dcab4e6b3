package org.thywill.application.loader;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.push.Push;

/** Offers the Application Interface {@code classpath}. */
public final class ClasspathApplicationsProvider implements ComponentProvider<ClasspathApplicationsSettings> {

    @Override
    public ComponentDescriptor<ClasspathApplicationsSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.APPLICATION, "classpath", ClasspathApplicationsSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE, Slot.PUSH));
    }

    @Override
    public Component create(ClasspathApplicationsSettings settings, ComponentContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ApplicationHost(new ClasspathApplicationSource(loader != null ? loader
                : ClasspathApplicationsProvider.class.getClassLoader(), context.applications()), settings.enabled(),
                "application.enabled", settings.rpcTimeout(), context.component(ClientInterface.class),
                context.component(Push.class), context.component(Database.class), context.metrics(), context.admin());
    }
}
