package org.thywill.application.loader;

import java.util.Optional;
import java.util.function.Function;
import org.thywill.api.http.HttpEndpoint;

/**
 * What the endpoints whose path names a running application share: the prefix, the pattern of the id after it, and
 * the look-up, done at each request so that a redeployed application answers at once.
 */
abstract class RunningApplicationEndpoint implements HttpEndpoint {

    /** A capturing group for the application id that follows the prefix. */
    static final String APPLICATION_ID = "([A-Za-z0-9][A-Za-z0-9._-]{0,63})";

    private final String prefix;
    private final Function<String, Optional<RunningApplication>> running;

    /**
     * @param prefix the path the endpoint serves, ending in a slash before the application id
     * @param running finds a running application by id
     */
    RunningApplicationEndpoint(String prefix, Function<String, Optional<RunningApplication>> running) {
        this.prefix = prefix;
        this.running = running;
    }

    @Override
    public final String pathPrefix() {
        return prefix;
    }

    /**
     * @param id an application id from the path
     * @return the application running under that id, if one is
     */
    final Optional<RunningApplication> running(String id) {
        return running.apply(id);
    }
}
