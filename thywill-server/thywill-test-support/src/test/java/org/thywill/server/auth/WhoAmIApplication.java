package org.thywill.server.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.delivery.Target;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.delivery.Target;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * Answers any message with who the connection's user is, as {@code onConnect} saw it and as the message's handler
 * sees it: {@code {"user": id or null, "name": the name claim or null, "atConnect": id or null}}.
 */
public final class WhoAmIApplication implements Application {

    /** The application's id. */
    public static final String ID = "whoami";

    private final Map<ConnectionId, Connection> connected = new ConcurrentHashMap<>();
    private final Set<ConnectionId> watchers = ConcurrentHashMap.newKeySet();
    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID, null,
                new ClientSide("thywill/whoami", "whoami.html", List.of("whoami.js"), List.of()));
    }

    /** Signs a token for {@code ?user=} living {@code ?seconds=}, as a host application's login would. */
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
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        connected.put(connection.id(), connection);
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        connected.remove(connection.id());
        watchers.remove(connection.id());
        Map<String, Object> gone = new HashMap<>();
        gone.put("disconnected", connection.user().map(User::id).orElse(null));
        gone.put("reason", reason.name());
        watchers.forEach(watcher -> context.send(Target.connection(watcher), gone));
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (data instanceof Map<?, ?> command && Boolean.TRUE.equals(command.get("watch"))) {
            watchers.add(from.id());
            context.send(Target.connection(from.id()), Map.of("watching", true));
            return;
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("user", from.user().map(User::id).orElse(null));
        answer.put("name", from.user().flatMap(u -> u.claim("name")).orElse(null));
        Connection atConnect = connected.get(from.id());
        answer.put("atConnect", atConnect == null ? "not seen" : atConnect.user().map(User::id).orElse(null));
        context.send(Target.connection(from.id()), answer);
    }
}
