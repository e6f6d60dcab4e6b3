package org.thywill.auth;

import java.util.List;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.http.HttpEndpoint;

/** What every authenticator here shares: the browser script on every page and the endpoint serving it. */
abstract class BrowserAuthenticator implements Authenticator {

    private final AuthScript script;

    BrowserAuthenticator(AuthScript script) {
        this.script = script;
    }

    @Override
    public final void contribute(ClientConfiguration configuration) {
        script.contribute(configuration);
    }

    @Override
    public final List<HttpEndpoint> endpoints() {
        return List.of(script);
    }
}
