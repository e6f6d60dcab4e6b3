package org.thywill.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests on the transport's path (handshakes, polls and WebSocket upgrades alike) that a browser sends
 * from a page of another origin, so no other site can open a Comet connection with a visitor's cookies. Requests
 * without an {@code Origin} header come from programs, not browsers, and pass. Behind a trusted reverse proxy the
 * server's origin is the one the browser addressed, as the proxy forwards it.
 */
final class OriginCheck extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);
    private final String pathPrefix;
    private final List<String> allowed;

    /**
     * @param pathPrefix the paths checked, such as {@code /thywill/cometd}
     * @param allowed origins allowed besides the server's own ({@code https://example.com}), or {@code *} for any
     */
    OriginCheck(String pathPrefix, List<String> allowed) {
        this.pathPrefix = pathPrefix;
        this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && Request.getPathInContext(request).startsWith(pathPrefix)
                && !permitted(origin, authority(request))) {
            LOG.warn("Refused a request to {} from origin {} (from {}): not the server's own origin and not in"
                    + " clientInterface.allowedOrigins", pathPrefix, origin, Request.getRemoteAddr(request));
            Response.writeError(request, response, callback, 403, "Origin not allowed");
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * @return the host and port the browser addressed: the {@code Host} header's, or the forwarded one when the
     *         request came through a trusted proxy ({@link TrustedProxies})
     */
    private static String authority(Request request) {
        return authority(request.getHttpURI().getHost(), request.getHttpURI().getPort());
    }

    /**
     * @param host the host the browser addressed (forwarded by a trusted proxy, or its own), or null
     * @param port its port, or 0 or less for the scheme's default
     * @return {@code host:port} as {@link #permitted} takes it, or null without a host
     */
    static String authority(String host, int port) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String literal = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port > 0 ? literal + ":" + port : literal;
    }

    boolean permitted(String origin, String host) {
        String normalized = origin.toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(normalized)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI page = URI.create(normalized);
            URI server = URI.create(page.getScheme() + "://" + host.toLowerCase(Locale.ROOT));
            return page.getHost() != null && page.getHost().equals(server.getHost())
                    && port(page) == port(server);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
