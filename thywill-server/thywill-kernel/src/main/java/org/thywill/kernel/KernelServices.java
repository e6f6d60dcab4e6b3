package org.thywill.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.Slot;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.kernel.admin.KernelAdminAccess;
import org.thywill.kernel.admin.KernelServerView;
import org.thywill.kernel.components.ChosenComponent;
import org.thywill.kernel.components.ComponentChoice;
import org.thywill.kernel.components.KernelContext;
import org.thywill.kernel.health.HealthEndpoint;
import org.thywill.kernel.metrics.MetricsEndpoint;
import org.thywill.kernel.metrics.MicrometerMetrics;
import org.thywill.kernel.page.BootstrapPage;
import org.thywill.kernel.settings.KernelServerSettings;

/**
 * What the kernel itself holds and serves beside the components, made before them because each component's
 * context hands parts of it on: the meters, the shutdown state, the health and metrics endpoints, the bootstrap
 * page, the admin console's access, and the running components those read. Thread-safe.
 */
final class KernelServices implements AutoCloseable {

    private final ThywillSettings settings;
    private final KernelServerSettings server;
    private final Map<Slot, ChosenComponent> running = Collections.synchronizedMap(new EnumMap<>(Slot.class));
    private final ShutdownState shutdown = new ShutdownState();
    private final MicrometerMetrics metrics = new MicrometerMetrics();
    private final BootstrapPage bootstrap;
    private final AdminAccess admin;

    /**
     * @param settings the start's settings, for the home folder and the applications given as objects
     * @param server the {@code server} section
     * @param order the slots in start order, for the admin console
     */
    KernelServices(ThywillSettings settings, KernelServerSettings server, List<Slot> order) {
        this.settings = settings;
        this.server = server;
        List<HttpEndpoint> endpoints = new ArrayList<>();
        endpoints.add(new HealthEndpoint(this::components, shutdown::draining));
        if (server.metrics()) {
            endpoints.add(new MetricsEndpoint(metrics));
        }
        this.bootstrap = new BootstrapPage(() -> {
            Map<Slot, Component> view = new EnumMap<>(Slot.class);
            components().forEach((slot, c) -> view.put(slot, c.component()));
            return view;
        }, endpoints);
        this.admin = server.admin() ? new KernelAdminAccess(new KernelServerView(this::components, order, metrics,
                () -> clientInterface().port()), server.adminToken()) : null;
    }

    /**
     * @param choice a slot's choice
     * @param lookup finds the components created before it
     * @return the context its component sees; only the Application Interface, which alone runs applications, is
     *     given the admin console's access and the applications handed over as objects
     */
    ComponentContext contextFor(ComponentChoice choice, Function<Class<? extends Component>, Component> lookup) {
        boolean applications = choice.slot() == Slot.APPLICATION;
        return new KernelContext(server.server(), settings.home(), choice.slot(), choice.dependencies(), lookup,
                bootstrap, metrics, applications ? admin : null,
                applications ? settings.applications() : List.of());
    }

    /** @param created the components, now seen by the health report, the page and the admin console */
    void running(List<ChosenComponent> created) {
        created.forEach(c -> running.put(c.slot(), c));
    }

    /** @return a copy of the components created so far, by slot */
    Map<Slot, ChosenComponent> components() {
        Map<Slot, ChosenComponent> copy = new EnumMap<>(Slot.class);
        synchronized (running) {
            copy.putAll(running);
        }
        return copy;
    }

    ClientInterface clientInterface() {
        return (ClientInterface) running.get(Slot.CLIENT_INTERFACE).component();
    }

    ShutdownState shutdown() {
        return shutdown;
    }

    KernelServerSettings server() {
        return server;
    }

    @Override
    public void close() {
        metrics.close();
    }
}
