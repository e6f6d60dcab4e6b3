package org.thywill.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts on every answer the headers that stop a browser from guessing a type ({@code X-Content-Type-Options:
 * nosniff}: a text answer run as a script) and from showing a page of this server in another site's frame
 * ({@code X-Frame-Options: DENY}, and {@code frame-ancestors 'none'} for browsers that read only CSP).
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** The policy of a page that loads nothing: the error pages. */
    static final String NOTHING_BUT_ITSELF = "default-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response);
        return super.handle(request, response, callback);
    }

    static void addTo(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
    }
}
