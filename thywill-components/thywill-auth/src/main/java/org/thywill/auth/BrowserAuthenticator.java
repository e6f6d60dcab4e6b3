package org.thywill.auth;

import java.util.List;
import java.util.stream.Stream;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.http.HttpEndpoint;

/** What every authenticator here shares: the browser script on every page and the endpoint serving it. */
abstract class BrowserAuthenticator implements Authenticator {

    private final AuthScript script;
    private final List<HttpEndpoint> endpoints;

    BrowserAuthenticator(AuthScript script) {
        this(script, List.of());
    }

    /** @param more endpoints the authenticator serves besides the script */
    BrowserAuthenticator(AuthScript script, List<HttpEndpoint> more) {
        this.script = script;
        this.endpoints = Stream.concat(Stream.of(script), more.stream()).toList();
    }

    @Override
    public final void contribute(ClientConfiguration configuration) {
        script.contribute(configuration);
    }

    @Override
    public final List<HttpEndpoint> endpoints() {
        return endpoints;
    }
}
