package org.thywill.application.loader;

import java.util.Set;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.push.Push;

/** Offers the Application Interface {@code jar}. */
public final class JarApplicationsProvider implements ComponentProvider<JarApplicationsSettings> {

    @Override
    public ComponentDescriptor<JarApplicationsSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.APPLICATION, "jar", JarApplicationsSettings.class,
                Set.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE, Slot.PUSH));
    }

    @Override
    public Component create(JarApplicationsSettings settings, ComponentContext context) {
        if (!context.applications().isEmpty()) {
            throw new ThywillException("The program gave " + context.applications().size() + " application(s) as"
                    + " objects, which the Application Interface 'jar' does not run: it runs the jars of its folder."
                    + " Set 'application.implementation' to 'classpath', or package the applications as jars.");
        }
        return new ApplicationHost(new JarApplicationSource(context.resolve(settings.folder()), settings.watch(),
                settings.scanInterval()), settings.enabled(), "application.enabled", settings.rpcTimeout(),
                context.component(ClientInterface.class), context.component(Push.class),
                context.component(Database.class), context.metrics(), context.admin());
    }
}
