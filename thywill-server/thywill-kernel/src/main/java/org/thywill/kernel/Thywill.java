package org.thywill.kernel;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.thywill.api.Component;
import org.thywill.api.ComponentProvider;
import org.thywill.api.ServerSettings;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.client.ClientInterface;
import org.thywill.kernel.admin.KernelAdminAccess;
import org.thywill.kernel.admin.KernelServerView;
import org.thywill.kernel.components.ChosenComponent;
import org.thywill.kernel.components.ComponentLifecycle;
import org.thywill.kernel.components.KernelContext;
import org.thywill.kernel.components.ProviderCatalog;
import org.thywill.kernel.components.StartOrder;
import org.thywill.kernel.health.HealthEndpoint;
import org.thywill.kernel.metrics.MetricsEndpoint;
import org.thywill.kernel.metrics.MicrometerMetrics;
import org.thywill.kernel.page.BootstrapPage;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.KernelServerSettings;
import org.thywill.kernel.settings.SettingsBinder;
import org.thywill.kernel.settings.SettingsTree;

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

    private final GenericApplicationContext spring;
    private final ComponentLifecycle lifecycle;
    private final Map<Slot, ChosenComponent> components;
    private final MicrometerMetrics metrics;
    private final KernelServerSettings server;
    private final ShutdownState shutdown;
    private volatile boolean closed;

    private Thywill(GenericApplicationContext spring, ComponentLifecycle lifecycle,
                    Map<Slot, ChosenComponent> components, MicrometerMetrics metrics, KernelServerSettings server,
                    ShutdownState shutdown) {
        this.spring = spring;
        this.lifecycle = lifecycle;
        this.components = components;
        this.metrics = metrics;
        this.server = server;
        this.shutdown = shutdown;
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
        SettingsTree tree = settings.tree();
        SettingsBinder binder = new SettingsBinder();
        EnvironmentOverrides env = settings.environment();

        rejectUnknownSections(tree);
        tree = env.apply(tree, SERVER_SECTION, SettingsBinder.keysOf(KernelServerSettings.class));
        KernelServerSettings serverSection = binder.bind(tree.section(SERVER_SECTION), KernelServerSettings.class,
                SERVER_SECTION, tree.source(), env);
        ServerSettings server = serverSection.server();

        ProviderCatalog catalog = ProviderCatalog.discover(settings.classLoader());
        Map<Slot, ComponentProvider<?>> providers = new EnumMap<>(Slot.class);
        Map<Slot, Object> boundSettings = new EnumMap<>(Slot.class);
        Map<Slot, Set<Slot>> dependencies = new LinkedHashMap<>();
        Set<String> knownVariables = new HashSet<>();
        SettingsBinder.keysOf(KernelServerSettings.class).keySet()
                .forEach(k -> knownVariables.add(EnvironmentOverrides.variableName(SERVER_SECTION, k)));
        for (Slot slot : Slot.values()) {
            Object named = env.value(slot.key(), "implementation").map(Object.class::cast)
                    .orElse(tree.section(slot.key()).getOrDefault("implementation", DEFAULT_IMPLEMENTATIONS.get(slot)));
            if (!(named instanceof String name) || name.isBlank()) {
                throw new ThywillException("Setting '" + slot.key() + ".implementation' in " + tree.source()
                        + " must name an implementation. Available for " + slot.key() + ": "
                        + catalog.names(slot) + ".");
            }
            ComponentProvider<?> provider = catalog.provider(slot, name, tree.source());
            Map<String, Class<?>> keys = SettingsBinder.keysOf(provider.settingsType());
            tree = env.apply(tree, slot.key(), keys);
            Map<String, Object> section = tree.section(slot.key());
            section.remove("implementation");
            boundSettings.put(slot, binder.bind(section, provider.settingsType(), slot.key(), tree.source(),
                    env));
            providers.put(slot, provider);
            dependencies.put(slot, provider.dependencies());
            knownVariables.add(EnvironmentOverrides.variableName(slot.key(), "implementation"));
            keys.keySet().forEach(k -> knownVariables.add(EnvironmentOverrides.variableName(slot.key(), k)));
        }
        List<String> sections = new ArrayList<>(List.of(SERVER_SECTION));
        for (Slot slot : Slot.values()) {
            sections.add(slot.key());
        }
        for (String unmatched : env.unmatched(sections, knownVariables::contains)) {
            LOG.warn("Environment variable {} matches no setting and is ignored", unmatched);
        }

        List<Slot> order = StartOrder.of(dependencies);
        Map<Slot, ChosenComponent> chosen = Collections.synchronizedMap(new EnumMap<>(Slot.class));
        ShutdownState shutdown = new ShutdownState();
        MicrometerMetrics metrics = new MicrometerMetrics();
        List<org.thywill.api.http.HttpEndpoint> kernelEndpoints = new ArrayList<>();
        kernelEndpoints.add(new HealthEndpoint(() -> {
            synchronized (chosen) {
                return new EnumMap<>(chosen);
            }
        }, shutdown::draining));
        if (serverSection.metrics()) {
            kernelEndpoints.add(new MetricsEndpoint(metrics));
        }
        BootstrapPage bootstrap = new BootstrapPage(() -> {
            Map<Slot, Component> view = new EnumMap<>(Slot.class);
            chosen.forEach((slot, c) -> view.put(slot, c.component()));
            return view;
        }, kernelEndpoints);

        AdminAccess admin = serverSection.admin() ? new KernelAdminAccess(new KernelServerView(() -> {
            synchronized (chosen) {
                return new EnumMap<>(chosen);
            }
        }, order, metrics, () -> ((ClientInterface) chosen.get(Slot.CLIENT_INTERFACE).component()).port()),
                serverSection.adminToken()) : null;

        GenericApplicationContext spring = new GenericApplicationContext();
        spring.setClassLoader(settings.classLoader());
        for (Slot slot : order) {
            // Only the Application Interface may hand the console's access on, and only to the console; it alone
            // runs applications.
            boolean applications = slot == Slot.APPLICATION;
            register(spring, slot, providers.get(slot), boundSettings.get(slot), new KernelContext(server,
                    settings.home(), slot, dependencies.get(slot), spring::getBean, bootstrap, metrics,
                    applications ? admin : null, applications ? settings.applications() : List.of()));
        }
        try {
            spring.refresh();
        } catch (RuntimeException e) {
            metrics.close();
            ThywillException cause = find(e);
            throw cause != null ? cause : new ThywillException("The components could not be created: " + e, e);
        }
        List<ChosenComponent> inOrder = new ArrayList<>();
        for (Slot slot : order) {
            ChosenComponent c = new ChosenComponent(slot, providers.get(slot).name(),
                    spring.getBean(slot.key(), Component.class));
            inOrder.add(c);
            chosen.put(slot, c);
        }

        ComponentLifecycle lifecycle = new ComponentLifecycle();
        try {
            lifecycle.start(inOrder);
            ((ClientInterface) chosen.get(Slot.CLIENT_INTERFACE).component()).open();
        } catch (Exception e) {
            lifecycle.stop();
            spring.close();
            metrics.close();
            throw e instanceof ThywillException t ? t
                    : new ThywillException("The client interface could not open: " + e.getMessage(), e);
        }
        Thywill thywill = new Thywill(spring, lifecycle, chosen, metrics, serverSection, shutdown);
        LOG.info("Thywill started in {} ms; open {}", (System.nanoTime() - began) / 1_000_000,
                thywill.uri().resolve("/thywill/init/"));
        return thywill;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(GenericApplicationContext spring, Slot slot, ComponentProvider provider,
                                 Object settings, KernelContext context) {
        Set<Slot> dependencies = provider.dependencies();
        String[] dependsOn = dependencies.stream().map(Slot::key).toArray(String[]::new);
        Class<Component> type = (Class<Component>) slot.type();
        spring.registerBean(slot.key(), type, () -> {
            Component component = provider.create(settings, context);
            if (!slot.type().isInstance(component)) {
                throw new ThywillException("The " + slot.key() + " implementation '" + provider.name()
                        + "' created a " + component.getClass().getName() + ", which is not a "
                        + slot.type().getSimpleName() + ". Its provider is broken.");
            }
            return component;
        }, definition -> definition.setDependsOn(dependsOn));
    }

    private static void rejectUnknownSections(SettingsTree tree) {
        Set<String> known = new HashSet<>();
        known.add(SERVER_SECTION);
        for (Slot slot : Slot.values()) {
            known.add(slot.key());
        }
        for (String name : tree.sectionNames()) {
            if (!known.contains(name)) {
                throw new ThywillException("Unknown section '" + name + "' in " + tree.source()
                        + ". The sections are: server, log, database, authentication, clientInterface, push,"
                        + " application.");
            }
        }
    }

    private static ThywillException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ThywillException te) {
                return te;
            }
        }
        return null;
    }

    /** @return the port the server listens on */
    public int port() {
        return component(ClientInterface.class).port();
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
        for (ChosenComponent c : components.values()) {
            if (type.isInstance(c.component())) {
                return type.cast(c.component());
            }
        }
        throw new IllegalArgumentException("No component implements " + type.getName());
    }

    /** @return the implementation name chosen for each slot */
    public Map<Slot, String> implementations() {
        Map<Slot, String> names = new EnumMap<>(Slot.class);
        components.forEach((slot, c) -> names.put(slot, c.implementation()));
        return names;
    }

    /**
     * @return how long {@link #close()} may take, from {@code server.shutdownTimeout}: {@link Main} ends the process
     *         when a stop on SIGTERM takes longer
     */
    public Duration shutdownTimeout() {
        return server.shutdownTimeout();
    }

    /** @return true once {@link #close()} has begun: the health report then answers 503 */
    public boolean draining() {
        return shutdown.draining();
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
        shutdown.drain();
        try {
            component(ClientInterface.class).drain();
        } catch (RuntimeException e) {
            LOG.warn("The client interface failed to drain; stopping anyway", e);
        }
        // Said while the Log still writes to its file: it stops last.
        lifecycle.stop(() -> LOG.info("Thywill stopped in {} ms", (System.nanoTime() - began) / 1_000_000));
        spring.close();
        metrics.close();
    }
}
