package org.thywill.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;

/**
 * A test application driven by commands, so that tests exercise the server only through the public protocol:
 * {@code {"cmd":"echo","data":x}}, {@code toSession}, {@code join}, {@code toChannel}, {@code throw},
 * {@code sent} (sends to a target, then tells the sender what {@code send} returned), {@code watch} (the sender is
 * told of every later connection and disconnection), and {@code ignore}.
 */
public final class ProbeApplication implements Application {

    private volatile ApplicationContext context;
    private final Set<ConnectionId> watchers = ConcurrentHashMap.newKeySet();

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("probe", "Probe <&>",
                new ClientSide("thywill/probe", "probe.html", List.of("probe.js"), List.of()));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (!(data instanceof Map<?, ?> command)) {
            context.send(Target.connection(from.id()), data);
            return;
        }
        Object payload = command.get("data");
        switch (String.valueOf(command.get("cmd"))) {
            case "echo" -> context.send(Target.connection(from.id()), payload);
            case "toSession" -> context.send(Target.session(from.session()), payload);
            case "join" -> {
                context.join(String.valueOf(command.get("channel")), from.id());
                context.send(Target.connection(from.id()), "joined");
            }
            case "toChannel" -> context.send(Target.channel(String.valueOf(command.get("channel")))
                    .except(Boolean.TRUE.equals(command.get("excludeSelf")) ? from.id() : null), payload);
            case "sent" -> tellSent(from, command, payload);
            case "watch" -> {
                watchers.add(from.id());
                context.send(Target.connection(from.id()), "watching");
            }
            case "whoami" -> context.send(Target.connection(from.id()), Map.of("connection", from.id().value(),
                    "transport", from.transport(), "application", from.applicationId()));
            case "flood" -> {
                long count = ((Number) command.get("count")).longValue();
                for (long i = 0; i < count; i++) {
                    context.send(Target.connection(from.id()), i);
                }
            }
            case "ignore" -> {
                // Nothing: for tests that measure what the server itself keeps of a message.
            }
            case "throw" -> throw new IllegalStateException("secret detail that must not reach the client");
            default -> context.send(Target.connection(from.id()),
                    Map.of("unknown", String.valueOf(command.get("cmd"))));
        }
    }

    @Override
    public void onConnect(Connection connection) {
        tell(Map.of("event", "connected", "connection", connection.id().value()));
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        watchers.remove(connection.id());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "disconnected");
        event.put("connection", connection.id().value());
        event.put("reason", reason.name());
        tell(event);
    }

    /** Sends to the target a command names, then tells the sender what the send said it did. */
    private void tellSent(Connection from, Map<?, ?> command, Object payload) {
        Target target = switch (String.valueOf(command.get("to"))) {
            case "connection" -> Boolean.TRUE.equals(command.get("receipted"))
                    ? Target.connection(new ConnectionId(String.valueOf(command.get("connection")))).withReceipt()
                    : Target.connection(new ConnectionId(String.valueOf(command.get("connection"))));
            case "session" -> Target.session(from.session());
            default -> Target.channel(String.valueOf(command.get("channel")));
        };
        Sent sent = context.send(target, payload);
        sent.receipt().whenComplete((receipt, failure) -> context.send(Target.connection(from.id()),
                Map.of("queued", sent.queued(), "receipt", failure == null ? "acknowledged"
                        : failure.getClass().getSimpleName())));
    }

    private void tell(Map<String, Object> event) {
        for (ConnectionId watcher : watchers) {
            context.send(Target.connection(watcher), event);
        }
    }
}
