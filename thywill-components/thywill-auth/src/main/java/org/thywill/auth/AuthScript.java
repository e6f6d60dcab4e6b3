package org.thywill.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * Serves {@code thywill-auth.js}, the browser half of authentication (it adds {@code thywill.auth(...)}), and puts
 * it and its parameters on every page; each authenticator has one, so pages work the same whichever is chosen.
 */
final class AuthScript implements HttpEndpoint {

    /** Where the script is served. */
    static final String PREFIX = "/thywill/auth/";
    static final String SCRIPT = "thywill-auth.js";
    /** After thywill.js (0) and the error reporter (20), before the application's scripts. */
    static final int WEIGHT = 30;

    private final byte[] script;
    private final Map<String, Object> parameter;

    /**
     * @param mode the authenticator's name, for the page
     * @param refreshBefore how long before its token expires the page asks for a new one
     */
    AuthScript(String mode, Duration refreshBefore) {
        this(mode, refreshBefore, false);
    }

    /**
     * @param mode the authenticator's name, for the page
     * @param refreshBefore how long before its token expires the page asks for a new one
     * @param demoLogin whether pages may sign in at {@link DemoLogin}, which they are told
     */
    AuthScript(String mode, Duration refreshBefore, boolean demoLogin) {
        this.script = read();
        this.parameter = Map.of("mode", mode, "refreshBeforeMillis", refreshBefore.toMillis(),
                "demoLogin", demoLogin);
    }

    private static byte[] read() {
        try (InputStream in = AuthScript.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing beside " + AuthScript.class.getName()
                        + ": the jar is broken");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCRIPT, e);
        }
    }

    /** @param configuration a page's configuration, given the script and {@code bootstrap.authentication} */
    void contribute(ClientConfiguration configuration) {
        configuration.bootstrapResource(ClientResource.script(PREFIX + SCRIPT, WEIGHT));
        configuration.bootstrapParameter("authentication", parameter);
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.path().equals(PREFIX + SCRIPT)) {
            return HttpResponse.text(404, "Not found: " + request.path());
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return HttpResponse.text(405, "Use GET");
        }
        return HttpResponse.resource("text/javascript;charset=utf-8", script);
    }
}
