package org.thywill.application.loader;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.push.Push;

/** Offers the Application Interface {@code classpath}. */
public final class ClasspathApplicationsProvider implements ComponentProvider<ClasspathApplicationsSettings> {

    @Override
    public Slot slot() {
        return Slot.APPLICATION;
    }

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public Class<ClasspathApplicationsSettings> settingsType() {
        return ClasspathApplicationsSettings.class;
    }

    @Override
    public Set<Slot> dependencies() {
        return Set.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE, Slot.PUSH);
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
