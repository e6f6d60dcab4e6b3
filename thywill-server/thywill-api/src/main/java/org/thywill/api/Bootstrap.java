package org.thywill.api;

import java.util.List;
import java.util.Optional;
import org.thywill.api.application.PageOptions;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;

/**
 * What the kernel gives the Client Interface to serve: the page at {@code /thywill/init/}, rendered from every
 * component's contribution to a {@link ClientConfiguration} in {@link Slot} order (bootstrap resources by weight,
 * then the application's own), and every component's HTTP endpoints. Thread-safe.
 *
 * <p>The page sets {@code window.thywillConfig} before any script runs and ends by calling
 * {@code window.thywill.bootstrap(config)}, which the Client Interface's bootstrap script must define.
 */
public interface Bootstrap {

    /** @return the ids of the running applications, the default one first */
    List<String> applicationIds();

    /**
     * @param applicationId the application whose page is wanted
     * @param session the browser's session
     * @return the HTML page, or empty if no running application has that id
     */
    Optional<String> page(String applicationId, SessionId session);

    /**
     * Asks the running application whether the page at the request's path may be served; call it before
     * {@link #page(PageRequest)}. Delegates to the {@link Slot#APPLICATION} slot, which delegates to
     * {@link org.thywill.api.application.Application#beforePage}. Thread-safe.
     *
     * @param request the page asked for
     * @return empty to serve the page; otherwise the response to answer with (such as a 404, a 403 or a 302)
     */
    default Optional<HttpResponse> beforePage(PageRequest request) {
        return Optional.empty();
    }

    /**
     * The page for a path under the application's page; {@code window.thywillConfig.path} tells its scripts
     * which path they were served for.
     *
     * @param request the page asked for
     * @return the HTML page, or empty if no running application has that id
     */
    default Optional<String> page(PageRequest request) {
        return page(request.applicationId(), request.session());
    }

    /**
     * How the page of a running application is served: whether at {@code /thywill/{id}/} too, and under which
     * Content-Security-Policy. Delegates to the {@link Slot#APPLICATION} slot. Thread-safe.
     *
     * @param applicationId the application
     * @return its options; {@link PageOptions#ORDINARY} for an application that does not run, and by default
     */
    default PageOptions pageOptions(String applicationId) {
        return PageOptions.ORDINARY;
    }

    /** @return the endpoints of every component, in {@link Slot} order */
    List<HttpEndpoint> endpoints();
}
