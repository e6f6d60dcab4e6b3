package org.thywill.server.auth;

import java.util.Map;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Callable;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.application.NotPermittedException;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;

/**
 * Rooms whose rules depend on the user's claims: only staff ({@code "role":"staff"}) join {@code staff} or call
 * {@code kick}; a muted user ({@code "muted":true}) may send nothing; only the user named in {@code owner} reads it.
 * Messages: {@code {"join":room}} answers {@code {"joined":room}}; {@code {"say":text,"room":room}} goes to the room.
 */
public final class RoomsApplication implements Application {

    /** The application's id. */
    public static final String ID = "rooms";

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID);
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    private static boolean claim(Connection connection, String name, Object value) {
        return connection.user().flatMap(user -> user.claim(name)).map(value::equals).orElse(false);
    }

    @Override
    public boolean permits(ClientMessage message) {
        if (message.data() instanceof Map<?, ?> data && "staff".equals(data.get("join"))
                && !claim(message.from(), "role", "staff")) {
            throw new NotPermittedException("Only staff may join 'staff'.");
        }
        return !claim(message.from(), "muted", Boolean.TRUE);
    }

    @Override
    public void onMessage(ClientMessage message) {
        Map<?, ?> data = (Map<?, ?>) message.data();
        if (data.get("join") instanceof String room) {
            context.join(room, message.from().id());
            context.send(Target.connection(message.from().id()), Map.of("joined", room));
        } else {
            context.send(Target.channel((String) data.get("room")), Map.of("said", data.get("say"),
                    "by", message.from().user().map(User::id).orElse("?")));
        }
    }

    @Override
    public boolean permits(Connection caller, String function) {
        if (function.equals("kick") && !claim(caller, "role", "staff")) {
            throw new NotPermittedException("Only staff may kick.");
        }
        return true;
    }

    /** Refuses from inside the function, after looking at its argument. */
    @Callable
    public String read(Connection caller, String owner) {
        if (!caller.user().map(User::id).orElse("").equals(owner)) {
            throw new NotPermittedException("Only " + owner + " may read this.");
        }
        return "the notes of " + owner;
    }

    @Callable
    public String kick(String user) {
        return "kicked " + user;
    }
}
