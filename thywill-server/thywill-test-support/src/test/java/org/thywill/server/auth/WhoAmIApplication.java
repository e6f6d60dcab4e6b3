package org.thywill.server.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;
import org.thywill.api.presence.PresenceListener;
import org.thywill.testing.CommandProbe;

/**
 * Answers any message with who the connection's user is, as {@code onConnect} saw it and as the message's handler
 * sees it: {@code {"user": id or null, "name": the name claim or null, "atConnect": id or null}}. Two commands
 * act on users: {@code {"toUser": id, "text": t, "receipt": true|false}} sends {@code {"text": t, "from": sender}} to
 * that user, answering {@code {"queued": n}} and, with a receipt, {@code {"receipt": seq}} or
 * {@code {"receiptFailed": reason}} later; {@code {"logout": id, "message": m}} logs that user out everywhere,
 * answering {@code {"ended": n}} or {@code {"refused": why}}; {@code {"joinUser": id, "channel": c}} and
 * {@code {"leaveUser": id, "channel": c}} change a user's membership, and {@code {"toChannel": c, "text": t}} sends
 * {@code {"text": t}} to a channel, each answering {@code {"done": command}}. Watchers ({@code {"watch": true}}) are told of
 * disconnections and of users joining and leaving ({@code {"userJoined": id}}, {@code {"userLeft": id}}).
 */
public final class WhoAmIApplication extends CommandProbe implements PresenceListener {

    /** The application's id. */
    public static final String ID = "whoami";

    private final Map<ConnectionId, Connection> connected = new ConcurrentHashMap<>();

    /** For ServiceLoader. */
    public WhoAmIApplication() {
        super(ID);
    }

    /** Signs a token for {@code ?user=} living {@code ?seconds=}, as a host application's login would. */
    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID, null,
                new ClientSide("thywill/whoami", "whoami.html", List.of("whoami.js"), List.of()));
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        return List.of(new HttpEndpoint() {
            @Override
            public String pathPrefix() {
                return "/api/" + ID + "/";
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                String user = request.query().getOrDefault("user", "alice");
                long seconds = Long.parseLong(request.query().getOrDefault("seconds", "60"));
                return HttpResponse.text(200, Tokens.hmac(user, Duration.ofSeconds(seconds)));
            }
        });
    }

    @Override
    public void userJoined(String userId) {
        tellWatchers(Map.of("userJoined", userId));
    }

    @Override
    public void userLeft(String userId) {
        tellWatchers(Map.of("userLeft", userId));
    }

    @Override
    public void onConnect(Connection connection) {
        connected.put(connection.id(), connection);
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        connected.remove(connection.id());
        super.onDisconnect(connection, reason);
        Map<String, Object> gone = new HashMap<>();
        gone.put("disconnected", connection.user().map(User::id).orElse(null));
        gone.put("reason", reason.name());
        tellWatchers(gone);
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (data instanceof Map<?, ?> command && command.get("toUser") instanceof String user) {
            sendToUser(from, user, command);
            return;
        }
        if (data instanceof Map<?, ?> command && command.get("channel") instanceof String channel) {
            if (command.get("joinUser") instanceof String user) {
                context().joinUser(channel, user);
            } else if (command.get("leaveUser") instanceof String user) {
                context().leaveUser(channel, user);
            }
            answer(from, Map.of("done", String.valueOf(command)));
            return;
        }
        if (data instanceof Map<?, ?> command && command.get("toChannel") instanceof String channel) {
            context().send(Target.channel(channel), Map.of("text", String.valueOf(command.get("text"))));
            answer(from, Map.of("done", "toChannel"));
            return;
        }
        if (data instanceof Map<?, ?> command && command.get("logout") instanceof String user) {
            Map<String, Object> answer;
            try {
                answer = Map.of("ended", context().disconnectUser(user, String.valueOf(command.get("message"))));
            } catch (IllegalArgumentException e) {
                answer = Map.of("refused", e.getMessage());
            }
            answer(from, answer);
            return;
        }
        if (data instanceof Map<?, ?> command && Boolean.TRUE.equals(command.get("watch"))) {
            watch(from, Map.of("watching", true));
            return;
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("user", from.user().map(User::id).orElse(null));
        answer.put("name", from.user().flatMap(u -> u.claim("name")).orElse(null));
        Connection atConnect = connected.get(from.id());
        answer.put("atConnect", atConnect == null ? "not seen" : atConnect.user().map(User::id).orElse(null));
        answer(from, answer);
    }

    private void sendToUser(Connection from, String user, Map<?, ?> command) {
        boolean receipted = Boolean.TRUE.equals(command.get("receipt"));
        Target.ToUser to = receipted ? Target.user(user).withReceipt() : Target.user(user);
        Map<String, Object> message = new HashMap<>();
        message.put("text", command.get("text"));
        message.put("from", from.user().map(User::id).orElse(null));
        Sent sent = context().send(to, message);
        answer(from, Map.of("queued", sent.queued()));
        if (receipted) {
            sent.receipt().whenComplete((receipt, failure) -> answer(from,
                    failure == null ? Map.of("receipt", receipt.seq()) : Map.of("receiptFailed",
                            failure instanceof DeliveryFailedException lost ? lost.reason().name()
                                    : String.valueOf(failure))));
        }
    }
}
