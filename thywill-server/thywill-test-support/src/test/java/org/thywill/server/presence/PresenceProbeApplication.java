package org.thywill.server.presence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.client.Connection;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.testing.CommandProbe;

/**
 * A test application for channels and presence, driven by commands so that tests use only the public protocol.
 * It never joins anyone by itself: {@code {"cmd":"join","channel":c}}, {@code leave}, {@code joinSession} and
 * {@code leaveSession} (of the session named by {@code who}, any the probe has seen, or the sender's own),
 * {@code toChannel} (with {@code data}), {@code toChannelVolatile}, {@code toChannelExcept} (all but the sender's session), {@code presence}
 * and {@code members} (answered to the sender), and {@code watch}, after which the sender is told of every presence
 * event and of every connection and disconnection. Sessions are named by {@link #who}, a digest of their id, which
 * tests compute from the session cookie; the id itself is never sent.
 */
public final class PresenceProbeApplication extends CommandProbe implements PresenceListener {

    /** The application's id. */
    public static final String ID = "presence";

    private final Map<String, SessionId> seen = new ConcurrentHashMap<>();

    /** For ServiceLoader. */
    public PresenceProbeApplication() {
        super(ID);
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ApplicationContext context = context();
        Map<?, ?> command = (Map<?, ?>) data;
        String channel = String.valueOf(command.get("channel"));
        switch (String.valueOf(command.get("cmd"))) {
            case "join" -> {
                context.join(channel, from.id());
                answer(from, "joined");
            }
            case "leave" -> {
                context.leave(channel, from.id());
                answer(from, "left");
            }
            case "joinSession" -> {
                context.joinSession(channel, session(command, from));
                answer(from, "joined");
            }
            case "leaveSession" -> {
                context.leaveSession(channel, session(command, from));
                answer(from, "left");
            }
            case "toChannel" -> context.send(Target.channel(channel), command.get("data"));
            case "toChannelVolatile" -> context.send(Target.channel(channel).atMostOnce(), command.get("data"));
            case "toChannelExcept" -> context.send(Target.channel(channel).except(from.session()),
                    command.get("data"));
            case "presence" -> answer(from, Map.of("presence", context.presence(channel)
                    .stream()
                    .sorted(Comparator.comparing(p -> who(p.session())))
                    .map(p -> Map.of("who", who(p.session()), "connections", p.connections()))
                    .toList()));
            case "members" -> answer(from, Map.of("members",
                    context.memberSessions(channel).stream().map(PresenceProbeApplication::who).sorted().toList()));
            case "watch" -> watch(from, "watching");
            default -> answer(from, Map.of("unknown", String.valueOf(command.get("cmd"))));
        }
    }

    /** @return the session a command names by {@code who}, or the sender's */
    private SessionId session(Map<?, ?> command, Connection from) {
        Object who = command.get("who");
        return who == null ? from.session() : seen.get(String.valueOf(who));
    }

    @Override
    public void onConnect(Connection connection) {
        seen.put(who(connection.session()), connection.session());
        tell("connected", null, connection.session());
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        super.onDisconnect(connection, reason);
        tell("disconnected", null, connection.session());
    }

    @Override
    public void joined(String channel, SessionId session) {
        tell("joined", channel, session);
    }

    @Override
    public void left(String channel, SessionId session) {
        tell("left", channel, session);
    }

    private void tell(String event, String channel, SessionId session) {
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("event", event);
        if (channel != null) {
            told.put("channel", channel);
        }
        told.put("who", who(session));
        told.put("at", System.currentTimeMillis());
        tellWatchers(told);
    }

    /**
     * @param session a session
     * @return a short name for it that does not reveal its id
     */
    public static String who(SessionId session) {
        return who(session.value());
    }

    /**
     * @param sessionId a session's id, such as a test client's cookie value
     * @return the first 12 hex digits of its SHA-256
     */
    public static String who(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
