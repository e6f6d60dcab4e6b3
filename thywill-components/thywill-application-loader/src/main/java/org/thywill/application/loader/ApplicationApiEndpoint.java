package org.thywill.application.loader;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * Passes {@code /api/{id}/...} to the running application's own endpoints ({@code Application.endpoints()}),
 * looked up at each request so that a redeployed application answers at once.
 */
final class ApplicationApiEndpoint extends RunningApplicationEndpoint {

    static final String PREFIX = "/api/";
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationApiEndpoint.class);
    private static final Pattern PATH = Pattern.compile(PREFIX + APPLICATION_ID + "(/.*)?");

    ApplicationApiEndpoint(Function<String, Optional<RunningApplication>> running) {
        super(PREFIX, running);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return notFound(request.path());
        }
        Optional<RunningApplication> found = running(m.group(1));
        if (found.isEmpty()) {
            return notFound(request.path());
        }
        RunningApplication app = found.get();
        String path = m.group(2) == null ? request.path() + "/" : request.path();
        Optional<HttpEndpoint> endpoint = app.endpoints().stream()
                .filter(e -> e.pathPrefix().startsWith(PREFIX + app.id() + "/") && path.startsWith(e.pathPrefix()))
                .max(Comparator.comparingInt(e -> e.pathPrefix().length()));
        if (endpoint.isEmpty()) {
            return notFound(request.path());
        }
        try {
            HttpResponse response = endpoint.get().handle(new HttpRequest(request.method(), path, request.query(),
                    request.headers(), request.body(), request.remoteAddress(), request.session()));
            if (response == null) {
                throw new IllegalStateException("the endpoint returned no response");
            }
            return response;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: application '{}' failed serving {} {}", app.source(), app.id(), request.method(),
                    request.path(), e);
            return HttpResponse.json(500, Map.of("error", Map.of("status", 500,
                    "message", "The application failed to answer; the server log says why.")));
        }
    }

    private static HttpResponse notFound(String path) {
        return HttpResponse.json(404, Map.of("error", Map.of("status", 404, "message", "Nothing is served at "
                + path + ".")));
    }
}
