package org.thywill.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.testing.CommandProbe;

/**
 * A test application driven by commands, so that tests exercise the server only through the public protocol:
 * {@code {"cmd":"echo","data":x}}, {@code toSession}, {@code join}, {@code toChannel}, {@code throw},
 * {@code sent} (sends to a target, then tells the sender what {@code send} returned), {@code watch} (the sender is
 * told of every later connection and disconnection), and {@code ignore}.
 */
public final class ProbeApplication extends CommandProbe {

    /** For ServiceLoader. */
    public ProbeApplication() {
        super("probe");
    }

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("probe", "Probe <&>",
                new ClientSide("thywill/probe", "probe.html", List.of("probe.js"), List.of()));
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (!(data instanceof Map<?, ?> command)) {
            answer(from, data);
            return;
        }
        ApplicationContext context = context();
        Object payload = command.get("data");
        switch (String.valueOf(command.get("cmd"))) {
            case "echo" -> answer(from, payload);
            case "toSession" -> context.send(Target.session(from.session()), payload);
            case "join" -> {
                context.join(String.valueOf(command.get("channel")), from.id());
                answer(from, "joined");
            }
            case "toChannel" -> context.send(Target.channel(String.valueOf(command.get("channel")))
                    .except(Boolean.TRUE.equals(command.get("excludeSelf")) ? from.id() : null), payload);
            case "sent" -> tellSent(from, command, payload);
            case "watch" -> watch(from, "watching");
            case "whoami" -> answer(from, Map.of("connection", from.id().value(),
                    "transport", from.transport(), "application", from.applicationId()));
            case "flood" -> {
                long count = ((Number) command.get("count")).longValue();
                for (long i = 0; i < count; i++) {
                    answer(from, i);
                }
            }
            case "ignore" -> {
                // Nothing: for tests that measure what the server itself keeps of a message.
            }
            case "throw" -> throw new IllegalStateException("secret detail that must not reach the client");
            default -> answer(from, Map.of("unknown", String.valueOf(command.get("cmd"))));
        }
    }

    @Override
    public void onConnect(Connection connection) {
        tellWatchers(Map.of("event", "connected", "connection", connection.id().value()));
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        super.onDisconnect(connection, reason);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "disconnected");
        event.put("connection", connection.id().value());
        event.put("reason", reason.name());
        tellWatchers(event);
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
        Sent sent = context().send(target, payload);
        sent.receipt().whenComplete((receipt, failure) -> answer(from, Map.of("queued", sent.queued(),
                "receipt", failure == null ? "acknowledged" : failure.getClass().getSimpleName())));
    }
}
