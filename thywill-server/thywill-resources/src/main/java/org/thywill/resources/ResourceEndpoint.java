package org.thywill.resources;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * The REST API of an application's resources at {@code /api/{appId}/}: the schema document at the root, then
 * {@code {resource}} (GET lists, POST creates) and {@code {resource}/{id}} (GET reads, PUT or PATCH changes,
 * DELETE deletes). Answers are JSON; refusals are {@code {"error": {"status", "field", "message"}}}.
 */
final class ResourceEndpoint implements HttpEndpoint {

    private static final System.Logger LOG = System.getLogger(ResourceEndpoint.class.getName());

    private final String prefix;
    private final String applicationId;
    private final Resources resources;
    private final JsonBodies json = new JsonBodies();

    ResourceEndpoint(String applicationId, Resources resources) {
        this.applicationId = applicationId;
        this.prefix = "/api/" + applicationId + "/";
        this.resources = resources;
    }

    @Override
    public String pathPrefix() {
        return prefix;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        try {
            if (!resources.started()) {
                throw new ResourceException(503, null, "The application is starting; try again in a moment.");
            }
            return route(request);
        } catch (ResourceException e) {
            if (e.status() >= 500) {
                LOG.log(System.Logger.Level.WARNING, request.method() + " " + request.path() + ": " + e.getMessage(),
                        e.getCause());
            }
            return HttpResponse.json(e.status(), e.body());
        }
    }

    private HttpResponse route(HttpRequest request) {
        String rest = request.path().substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        if (rest.isEmpty()) {
            requireMethod(method, "GET");
            return HttpResponse.json(200, resources.describe(applicationId));
        }
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        Resource resource = resources.find(name).orElseThrow(() -> new ResourceException(404, null,
                "There is no resource '" + name + "'. GET " + prefix + " lists them."));
        Caller caller = Caller.of(request);
        if (slash < 0) {
            switch (method) {
                case "GET", "HEAD" -> {
                    resource.check(Operation.LIST, caller);
                    return HttpResponse.json(200, resource.list(request.query(), caller));
                }
                case "POST" -> {
                    resource.check(Operation.CREATE, caller);
                    Map<String, Object> row = resource.create(body(request));
                    Object id = row.get(resource.columns().stream().filter(Column::primaryKey).findFirst()
                            .orElseThrow().name());
                    return HttpResponse.json(201, row).withHeaders(Map.of("Location", prefix + name + "/" + id));
                }
                default -> throw methodNotAllowed(method, "GET, POST");
            }
        }
        String id = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        if (id.isEmpty() || id.contains("/")) {
            throw new ResourceException(404, null, "Nothing is served at " + request.path() + ".");
        }
        switch (method) {
            case "GET", "HEAD" -> {
                resource.check(Operation.READ, caller);
                return HttpResponse.json(200, resource.read(id, request.query(), caller));
            }
            case "PUT", "PATCH" -> {
                resource.check(Operation.UPDATE, caller);
                return HttpResponse.json(200, resource.update(id, body(request)));
            }
            case "DELETE" -> {
                resource.check(Operation.DELETE, caller);
                resource.delete(id);
                return new HttpResponse(204, null, new byte[0], Map.of());
            }
            default -> throw methodNotAllowed(method, "GET, PUT, PATCH, DELETE");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw methodNotAllowed(method, allowed);
        }
    }

    private static ResourceException methodNotAllowed(String method, String allowed) {
        return new ResourceException(405, null, method + " is not served here; use " + allowed + ".");
    }

    /**
     * The body of a write: a JSON object, sent as {@code application/json} (which also keeps a cross-site form from
     * writing with a visitor's cookie).
     */
    private Map<String, Object> body(HttpRequest request) {
        String type = request.headers().getOrDefault("content-type", "");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ResourceException(415, null, "Send the row as a JSON object with Content-Type:"
                    + " application/json.");
        }
        return json.object(request, "a JSON object of columns, such as {\"name\": \"Ada\"}");
    }
}
