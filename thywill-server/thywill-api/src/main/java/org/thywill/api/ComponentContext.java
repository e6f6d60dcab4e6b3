package org.thywill.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.application.Application;
import org.thywill.api.metrics.Metrics;

/** What the kernel offers a component while it is created and afterwards. Thread-safe. */
public interface ComponentContext {

    /** @return the host, port and other settings of the server as a whole */
    ServerSettings server();

    /**
     * Resolves a path from the settings: an absolute path is kept, a relative one is taken from Thywill's home
     * folder (the folder of the distribution, or the working folder when embedded).
     *
     * @param path a path as written in the settings
     * @return the absolute path
     */
    Path resolve(String path);

    /**
     * A component this one declared in {@link ComponentProvider#dependencies()}. Available from creation on; it may
     * not have started yet while this component is being created.
     *
     * @param type the slot's interface, for example {@code Database.class}
     * @param <T> the slot's interface
     * @return the component in that slot
     * @throws IllegalStateException if the slot was not declared as a dependency
     */
    <T extends Component> T component(Class<T> type);

    /** @return the renderer of bootstrap pages, for the Client Interface */
    Bootstrap bootstrap();

    /**
     * Where the component registers its meters, served by the kernel at {@code GET /thywill/metrics}. The same
     * object for every component of one server; available from creation on.
     *
     * @return the server's metrics; {@link Metrics#none()} by default, for contexts outside a kernel
     */
    default Metrics metrics() {
        return Metrics.none();
    }

    /**
     * The admin console's access to the server, for the Application Interface to give to each application that asks
     * for {@link org.thywill.api.application.Capability#ADMIN} (and to no other).
     *
     * @return present only when {@code server.admin} is on; empty by default
     */
    default Optional<AdminAccess> admin() {
        return Optional.empty();
    }

    /**
     * Applications an embedding program handed to the kernel as objects, for the Application Interface to run
     * beside those it finds itself (an embedded server needs neither a jar nor a service entry). Given to the
     * Application Interface alone; an implementation that cannot run them fails its start saying so.
     *
     * @return the applications, in the order given; empty by default
     */
    default List<Application> applications() {
        return List.of();
    }
}
