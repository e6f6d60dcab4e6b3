package org.thywill.kernel.admin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.thywill.api.Component;
import org.thywill.api.Health;
import org.thywill.api.Slot;
import org.thywill.api.admin.ApplicationAdmin;
import org.thywill.api.admin.ApplicationState;
import org.thywill.api.admin.ChannelAdmin;
import org.thywill.api.admin.ClusterAdmin;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.admin.ComponentState;
import org.thywill.api.admin.ConnectionAdmin;
import org.thywill.api.admin.MeterSample;
import org.thywill.api.admin.NodeState;
import org.thywill.api.admin.ServerView;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;
import org.thywill.kernel.components.ChosenComponent;
import org.thywill.kernel.metrics.MicrometerMetrics;

/**
 * The kernel's {@link ServerView}: reads the running components (each offers its part by implementing an admin
 * interface), the meters and the JVM. Components are looked up at each call, so it may be created before they are.
 */
public final class KernelServerView implements ServerView {

    private final Supplier<Map<Slot, ChosenComponent>> components;
    private final List<Slot> startOrder;
    private final MicrometerMetrics metrics;
    private final IntSupplier port;
    private final Instant started = Instant.now();

    /**
     * @param components the chosen components by slot, read at each call
     * @param startOrder the slots in start order
     * @param metrics the server's meters
     * @param port the port the server listens on, once it does
     */
    public KernelServerView(Supplier<Map<Slot, ChosenComponent>> components, List<Slot> startOrder,
                            MicrometerMetrics metrics, IntSupplier port) {
        this.components = components;
        this.startOrder = List.copyOf(startOrder);
        this.metrics = metrics;
        this.port = port;
    }

    @Override
    public NodeState node() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new NodeState(hostName() + ":" + port.getAsInt(), started, Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(), heap.getUsed(), heap.getMax());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public List<ComponentState> components() {
        Map<Slot, ChosenComponent> all = components.get();
        List<ComponentState> states = new ArrayList<>();
        for (Slot slot : startOrder) {
            ChosenComponent c = all.get(slot);
            if (c == null) {
                continue;
            }
            Health health;
            try {
                health = c.component().health();
            } catch (RuntimeException e) {
                health = Health.down("its health check failed: " + e);
            }
            states.add(new ComponentState(slot, c.implementation(), health));
        }
        return states;
    }

    @Override
    public List<ApplicationState> applications() {
        Component c = component(Slot.APPLICATION);
        if (c instanceof ApplicationAdmin admin) {
            return admin.applicationStates();
        }
        if (c instanceof ApplicationInterface ai) {
            return ai.applications().stream()
                    .map(a -> new ApplicationState(a.id(), a.title(), a.source(), "", true, 0)).toList();
        }
        return List.of();
    }

    @Override
    public Optional<List<Connection>> connections() {
        return component(Slot.CLIENT_INTERFACE) instanceof ConnectionAdmin admin
                ? Optional.of(admin.connections()) : Optional.empty();
    }

    @Override
    public Optional<List<ChannelState>> channels() {
        return component(Slot.PUSH) instanceof ChannelAdmin admin ? Optional.of(admin.channels()) : Optional.empty();
    }

    @Override
    public Optional<ClusterAdmin> cluster() {
        return component(Slot.PUSH) instanceof ClusterAdmin admin ? Optional.of(admin) : Optional.empty();
    }

    @Override
    public List<MeterSample> meters() {
        return metrics.sample("thywill.");
    }

    @Override
    public int disconnect(SessionId session) {
        return component(Slot.CLIENT_INTERFACE) instanceof ConnectionAdmin admin ? admin.disconnect(session) : 0;
    }

    @Override
    public int disconnectUser(String userId, String message) {
        return push().disconnectUser(userId, message);
    }

    @Override
    public Sent send(String applicationId, Target target, Object data) {
        return push().send(applicationId, target, Envelopes.message(data));
    }

    @Override
    public boolean undeploy(String applicationId) {
        return applicationAdmin().undeploy(applicationId);
    }

    @Override
    public boolean redeploy(String applicationId) {
        return applicationAdmin().redeploy(applicationId);
    }

    private ApplicationAdmin applicationAdmin() {
        if (component(Slot.APPLICATION) instanceof ApplicationAdmin admin) {
            return admin;
        }
        throw new UnsupportedOperationException("This Application Interface cannot undeploy or redeploy");
    }

    private Push push() {
        return (Push) component(Slot.PUSH);
    }

    private Component component(Slot slot) {
        ChosenComponent c = components.get().get(slot);
        return c == null ? null : c.component();
    }
}
