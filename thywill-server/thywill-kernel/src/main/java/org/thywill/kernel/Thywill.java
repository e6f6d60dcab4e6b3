package org.thywill.kernel;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Component;
import org.thywill.api.ServerSettings;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ClientInterface;
import org.thywill.kernel.components.ChosenComponent;
import org.thywill.kernel.components.ComponentLifecycle;
import org.thywill.kernel.components.ComponentWiring;
import org.thywill.kernel.components.ComposedClientInterfaceProvider;
import org.thywill.kernel.components.ProviderCatalog;
import org.thywill.kernel.components.StartOrder;

/**
 * A running Thywill server: the kernel that chose, wired and started the six components. Several can run in one
 * JVM. Start with {@link #start(ThywillSettings)}; stop with {@link #close()}.
 */
public final class Thywill implements AutoCloseable {

    /** The implementation each slot gets when its section does not name one. */
    public static final Map<Slot, String> DEFAULT_IMPLEMENTATIONS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Slot.LOG, "logback",
            Slot.DATABASE, "h2",
            Slot.AUTHENTICATION, "anonymous",
            Slot.CLIENT_INTERFACE, "cometd",
            Slot.PUSH, "cometd",
            Slot.APPLICATION, "jar")));
    /** The section holding {@link ServerSettings}. */
    public static final String SERVER_SECTION = "server";

    private static final Logger LOG = LoggerFactory.getLogger(Thywill.class);

    private final KernelServices kernel;
    private final ComponentWiring wiring;
    private final ComponentLifecycle lifecycle;
    private volatile boolean closed;

    private Thywill(KernelServices kernel, ComponentWiring wiring, ComponentLifecycle lifecycle) {
        this.kernel = kernel;
        this.wiring = wiring;
        this.lifecycle = lifecycle;
    }

    /**
     * Reads and validates every setting, creates the chosen components, starts them in dependency order and opens
     * the Client Interface. On any failure, stops what started and throws.
     *
     * @param settings the settings
     * @return the running server
     * @throws ThywillException with a message saying what to change
     */
    public static Thywill start(ThywillSettings settings) {
        long began = System.nanoTime();
        StartupSettings bound = StartupSettings.bind(settings, ProviderCatalog.discover(settings.classLoader()));
        List<Slot> order = StartOrder.of(bound.dependencies());
        KernelServices kernel = new KernelServices(settings, bound.server(), order);
        ComponentWiring wiring;
        try {
            wiring = ComponentWiring.create(order.stream().map(bound.components()::get).toList(),
                    settings.classLoader(), kernel::contextFor);
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        }
        kernel.running(wiring.components());
        ComponentLifecycle lifecycle = new ComponentLifecycle();
        try {
            lifecycle.start(wiring.components());
            kernel.clientInterface().open();
        } catch (Exception e) {
            lifecycle.stop();
            wiring.close();
            kernel.close();
            throw e instanceof ThywillException t ? t
                    : new ThywillException("The client interface could not open: " + e.getMessage(), e);
        }
        Thywill thywill = new Thywill(kernel, wiring, lifecycle);
        LOG.info("Thywill started in {} ms; open {}", (System.nanoTime() - began) / 1_000_000,
                thywill.uri().resolve("/thywill/init/"));
        return thywill;
    }

    /** @return the port the server listens on */
    public int port() {
        return component(ClientInterface.class).port();
    }

    /**
     * @param clientInterface the name of a Client Interface implementation, for example {@code websocket}
     * @return the port it listens on, when several run in this server ({@code clientInterface.implementation} a
     *         list) or it is the one that runs; -1 when it does not run
     */
    public int port(String clientInterface) {
        ClientInterface running = component(ClientInterface.class);
        return clientInterface.equals(implementations().get(Slot.CLIENT_INTERFACE)) ? running.port()
                : ComposedClientInterfaceProvider.port(running, clientInterface);
    }

    /** @return the server's base URI on the loopback address */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /**
     * @param type a slot's interface
     * @param <T> the slot's interface
     * @return the running component in that slot
     */
    public <T extends Component> T component(Class<T> type) {
        for (ChosenComponent c : kernel.components().values()) {
            if (type.isInstance(c.component())) {
                return type.cast(c.component());
            }
        }
        throw new IllegalArgumentException("No component implements " + type.getName());
    }

    /** @return the implementation name chosen for each slot */
    public Map<Slot, String> implementations() {
        Map<Slot, String> names = new EnumMap<>(Slot.class);
        kernel.components().forEach((slot, c) -> names.put(slot, c.implementation()));
        return names;
    }

    /**
     * @return how long {@link #close()} may take, from {@code server.shutdownTimeout}: {@link Main} ends the process
     *         when a stop on SIGTERM takes longer
     */
    public Duration shutdownTimeout() {
        return kernel.server().shutdownTimeout();
    }

    /** @return true once {@link #close()} has begun: the health report then answers 503 */
    public boolean draining() {
        return kernel.shutdown().draining();
    }

    /**
     * Stops gracefully: the health report turns to 503 ({@code draining}), the Client Interface refuses new
     * connections and tells connected clients to connect again, then every component stops, last started first
     * (applications first, so what they sent is still written to the database by the Client Interface and the
     * Database after them). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        kernel.shutdown().drain();
        try {
            component(ClientInterface.class).drain();
        } catch (RuntimeException e) {
            LOG.warn("The client interface failed to drain; stopping anyway", e);
        }
        // Said while the Log still writes to its file: it stops last.
        lifecycle.stop(() -> LOG.info("Thywill stopped in {} ms", (System.nanoTime() - began) / 1_000_000));
        wiring.close();
        kernel.close();
    }
}
