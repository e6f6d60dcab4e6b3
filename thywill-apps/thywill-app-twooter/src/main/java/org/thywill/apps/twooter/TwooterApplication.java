package org.thywill.apps.twooter;

import java.util.List;
import java.util.Map;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.resources.AccessRule;
import org.thywill.resources.Operation;
import org.thywill.resources.ResourceApplication;
import org.thywill.resources.Resources;

/**
 * Omega's Twooter: users and posts are live resources ({@code /api/twooter/users}, {@code /api/twooter/posts}, the
 * generated pages under {@code /thywill/init/twooter/resources/}), and the application's page holds a chat room
 * and a timeline of posts that updates itself. Anyone may read, create and change users and posts and delete
 * posts; deleting a user is refused, so that no post loses its author.
 */
public final class TwooterApplication extends ResourceApplication {

    /** The channel of the chat room, which every page joins. */
    static final String CHAT = "chat";
    private static final int MAX_NAME = 40;
    private static final int MAX_TEXT = 500;

    @Override
    public String id() {
        return "twooter";
    }

    @Override
    public String title() {
        return "Twooter";
    }

    @Override
    public String migrations() {
        return "db/twooter";
    }

    @Override
    protected void resources(Resources resources) {
        resources.table("users", "twooter_user", (operation, caller) -> operation != Operation.DELETE)
                .table("posts", "twooter_post", AccessRule.EVERYONE);
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
            String name = chat.get("name") instanceof String n && !n.isBlank() ? n : "someone";
            context().sendToChannel(CHAT, Map.of("chat", Map.of("name", clip(name, MAX_NAME),
                    "text", clip(text, MAX_TEXT))));
        }
    }

    private static String clip(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
