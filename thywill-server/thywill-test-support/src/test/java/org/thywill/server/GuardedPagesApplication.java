package org.thywill.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.PageRenderException;
import org.thywill.api.application.PageRequest;
import org.thywill.api.http.HttpResponse;

/**
 * A test application whose {@link #beforePage} answers by path: {@code /forbidden} 403, {@code /missing} 404,
 * {@code /old} a 302 to {@code /new}, {@code /broken} throws, and {@code /vip} serves only with {@code ?pass=yes};
 * {@link #renderBody} renders the body of a few paths.
 */
public final class GuardedPagesApplication implements Application {

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("guarded");
    }

    @Override
    public Optional<HttpResponse> beforePage(PageRequest request) {
        return switch (request.path()) {
            case "/forbidden" -> Optional.of(HttpResponse.text(403, "Not for you."));
            case "/missing" -> Optional.of(HttpResponse.text(404, "No such page."));
            case "/old" -> Optional.of(new HttpResponse(302, "text/plain;charset=utf-8",
                    "Moved.".getBytes(StandardCharsets.UTF_8), Map.of("Location", "/thywill/init/guarded/new")));
            case "/broken" -> throw new IllegalStateException("secret detail");
            case "/vip" -> "yes".equals(request.query().get("pass")) ? Optional.empty()
                    : Optional.of(HttpResponse.text(403, "Members only."));
            default -> Optional.empty();
        };
    }

    /**
     * Renders the body for {@code /rendered} (saying whether the query held {@code pass=yes}), fails with a message
     * for the browser at {@code /render-refused} and with a secret one at {@code /render-broken}.
     */
    @Override
    public Optional<String> renderBody(PageRequest request) {
        return switch (request.path()) {
            case "/rendered" -> Optional.of("<p id=\"rendered\">Rendered " + ("yes".equals(request.query().get("pass"))
                    ? "with" : "without") + " the pass</p>");
            case "/render-refused" -> throw new PageRenderException("The list could not be read <now>.");
            case "/render-broken" -> throw new IllegalStateException("secret detail");
            default -> Optional.empty();
        };
    }
}
