package org.thywill.api.application;

import java.util.List;
import java.util.Optional;
import org.thywill.api.Component;
import org.thywill.api.http.HttpResponse;

/**
 * The slot that loads applications, starts them, and routes each client message to the application it is
 * addressed to. It also contributes the application's part of each page.
 */
public interface ApplicationInterface extends Component {

    /** @return the applications running now, the default one (served at {@code /thywill/init/}) first */
    List<ApplicationInfo> applications();

    /**
     * Asks the application named by the request whether its page may be served (see {@link Application#beforePage}).
     * Thread-safe; called on the HTTP server's thread before the page is rendered.
     *
     * @param request the page asked for
     * @return empty (the default) to serve the page; otherwise the response to answer with
     */
    default Optional<HttpResponse> beforePage(PageRequest request) {
        return Optional.empty();
    }

    /**
     * @param applicationId a running application
     * @return how its page is served (see {@link Application#pageOptions()}); {@link PageOptions#ORDINARY} for an
     *         application that does not run, and by default
     */
    default PageOptions pageOptions(String applicationId) {
        return PageOptions.ORDINARY;
    }
}
