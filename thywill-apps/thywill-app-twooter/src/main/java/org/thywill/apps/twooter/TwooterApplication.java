package org.thywill.apps.twooter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.resources.AccessRule;
import org.thywill.resources.Operation;
import org.thywill.resources.ResourceApplication;
import org.thywill.resources.Resources;

/**
 * Omega's Twooter: users and posts, declared as the records {@link User} and {@link Post}, are live resources
 * ({@code /api/twooter/users}, {@code /api/twooter/posts?expand=user}, the generated pages under
 * {@code /thywill/init/twooter/resources/}), the application's page holds a chat room and a timeline of posts that
 * updates itself, and {@code POST /api/twooter/chat} says a line in the room from any HTTP client. Anyone may read,
 * create and change users and posts and delete posts; deleting a user is refused, so that no post loses its author.
 */
public final class TwooterApplication extends ResourceApplication {

    /** The channel of the chat room, which every page joins. */
    static final String CHAT = "chat";
    private static final int MAX_NAME = 40;
    private static final int MAX_TEXT = 500;

    /** For ServiceLoader. */
    public TwooterApplication() {
        super("twooter", "Twooter");
    }

    @Override
    protected void resources(Resources resources) {
        resources.record("users", User.class, (operation, caller) -> operation != Operation.DELETE)
                .record("posts", Post.class, AccessRule.EVERYONE);
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> endpoints = new ArrayList<>(super.endpoints());
        endpoints.add(new ChatEndpoint(id(), this::say));
        return endpoints;
    }

    @Override
    protected ClientSide page() {
        return new ClientSide(Resources.CLIENT_FOLDER, "twooter/twooter.html", List.of("twooter/twooter.js"),
                List.of("twooter/twooter.css"));
    }

    @Override
    public void onConnect(Connection connection) {
        context().join(CHAT, connection.id());
    }

    /** A chat line, {@code {"chat": {"name": ..., "text": ...}}}, goes to everyone in the room. */
    @Override
    public void onMessage(Connection from, Object data) {
        if (data instanceof Map<?, ?> map && map.get("chat") instanceof Map<?, ?> chat
                && chat.get("text") instanceof String text && !text.isBlank()) {
            say(chat.get("name") instanceof String n ? n : null, text);
        }
    }

    /**
     * Says a line in the chat room: every page receives {@code {"chat": {"name": ..., "text": ...}}}.
     *
     * @param name who says it, clipped to 40 characters; "someone" when null or blank
     * @param text what is said, clipped to 500 characters
     * @return the message as sent
     */
    Map<String, Object> say(String name, String text) {
        Map<String, Object> line = Map.of("chat", Map.of("name", name == null || name.isBlank() ? "someone"
                : clip(name, MAX_NAME), "text", clip(text, MAX_TEXT)));
        context().send(Target.channel(CHAT), line);
        return line;
    }

    private static String clip(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
