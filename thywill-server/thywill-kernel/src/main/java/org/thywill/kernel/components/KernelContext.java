package org.thywill.kernel.components;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.thywill.api.Bootstrap;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ServerSettings;
import org.thywill.api.Slot;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.application.Application;
import org.thywill.api.metrics.Metrics;

/** The {@link ComponentContext} one component sees: it may reach only the slots it declared. */
public final class KernelContext implements ComponentContext {

    private final ServerSettings server;
    private final Path home;
    private final Slot owner;
    private final Set<Slot> dependencies;
    private final Function<Class<? extends Component>, Component> lookup;
    private final Bootstrap bootstrap;
    private final Metrics metrics;
    private final AdminAccess admin;
    private final List<Application> applications;

    /**
     * @param server the server settings
     * @param home the folder relative paths are resolved against
     * @param owner the slot of the component this context is for
     * @param dependencies the slots it declared
     * @param lookup finds the component of a slot type
     * @param bootstrap the page renderer
     * @param metrics the server's meters
     */
    public KernelContext(ServerSettings server, Path home, Slot owner, Set<Slot> dependencies,
                         Function<Class<? extends Component>, Component> lookup, Bootstrap bootstrap,
                         Metrics metrics) {
        this(server, home, owner, dependencies, lookup, bootstrap, metrics, null, List.of());
    }

    /**
     * @param server the server settings
     * @param home the folder relative paths are resolved against
     * @param owner the slot of the component this context is for
     * @param dependencies the slots it declared
     * @param lookup finds the component of a slot type
     * @param bootstrap the page renderer
     * @param metrics the server's meters
     * @param admin the admin console's access, or null when it is off or not this component's to give
     * @param applications applications given as objects, for the Application Interface alone (else empty)
     */
    public KernelContext(ServerSettings server, Path home, Slot owner, Set<Slot> dependencies,
                         Function<Class<? extends Component>, Component> lookup, Bootstrap bootstrap,
                         Metrics metrics, AdminAccess admin, List<Application> applications) {
        this.server = server;
        this.home = home;
        this.owner = owner;
        this.dependencies = Set.copyOf(dependencies);
        this.lookup = lookup;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
        this.admin = admin;
        this.applications = List.copyOf(applications);
    }

    @Override
    public ServerSettings server() {
        return server;
    }

    @Override
    public Path resolve(String path) {
        return home.resolve(path).toAbsolutePath().normalize();
    }

    @Override
    public <T extends Component> T component(Class<T> type) {
        boolean declared = dependencies.stream().anyMatch(s -> s.type().equals(type));
        if (!declared) {
            throw new IllegalStateException("The " + owner.key() + " component asked for " + type.getSimpleName()
                    + " without declaring it in ComponentDescriptor.dependencies()");
        }
        return type.cast(lookup.apply(type));
    }

    @Override
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public Optional<AdminAccess> admin() {
        return Optional.ofNullable(admin);
    }

    @Override
    public List<Application> applications() {
        return applications;
    }
}
