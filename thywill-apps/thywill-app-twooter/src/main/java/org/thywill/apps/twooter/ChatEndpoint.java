package org.thywill.apps.twooter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;
import org.thywill.resources.JsonBodies;
import org.thywill.resources.ResourceException;

/**
 * Omega's {@code POST /chat} route: {@code POST /api/twooter/chat} with {@code user} and {@code message}, as a form
 * ({@code curl -d user=ada -d message=hi}) or a JSON object, says the line in the chat room, which every open page
 * receives. Answers 200 with the line as sent, 400 naming a missing field, 405 and 415.
 */
final class ChatEndpoint implements HttpEndpoint {

    private final String path;
    private final BiFunction<String, String, Map<String, Object>> say;
    private final JsonBodies json = new JsonBodies();

    /**
     * @param applicationId the application's id
     * @param say sends a line to the room, given the name and the text, and returns it as sent
     */
    ChatEndpoint(String applicationId, BiFunction<String, String, Map<String, Object>> say) {
        this.path = "/api/" + applicationId + "/chat";
        this.say = say;
    }

    @Override
    public String pathPrefix() {
        return path;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        try {
            if (!request.path().equals(path) && !request.path().equals(path + "/")) {
                throw new ResourceException(404, null, "Nothing is served at " + request.path() + ".");
            }
            if (!request.method().equals("POST")) {
                throw new ResourceException(405, null, request.method() + " is not served here; use POST.");
            }
            Map<String, Object> fields = fields(request);
            if (!(fields.get("message") instanceof String message) || message.isBlank()) {
                throw new ResourceException(400, "message", "message is required: the text to say.");
            }
            Object user = fields.get("user");
            if (user != null && !(user instanceof String)) {
                throw new ResourceException(400, "user", "user must be a string.");
            }
            return HttpResponse.json(200, say.apply((String) user, message));
        } catch (ResourceException e) {
            return HttpResponse.json(e.status(), e.body());
        }
    }

    private Map<String, Object> fields(HttpRequest request) {
        String type = request.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, Object> fields = new HashMap<>();
            for (String pair : request.bodyText().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            return fields;
        }
        if (!type.startsWith("application/json")) {
            throw new ResourceException(415, null, "Send user and message as a form"
                    + " (application/x-www-form-urlencoded) or a JSON object (application/json).");
        }
        return json.object(request, "a JSON object such as {\"user\": \"ada\", \"message\": \"hi\"}");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ResourceException(400, null, "The form is not URL-encoded: " + text);
        }
    }
}
