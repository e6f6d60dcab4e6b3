package org.thywill.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Bootstrap;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * Serves every other path: the components' endpoints (longest prefix wins), a redirect from {@code /} to the
 * default application's page, the pages of applications that asked for an address of their own
 * ({@code /thywill/{id}/}), and 404 for the rest.
 */
final class EndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EndpointServlet.class);
    private static final int MAX_BODY = 1 << 20;
    private final transient Bootstrap bootstrap;
    private final transient SessionCookies cookies;
    private final transient OriginCheck origins;
    private final transient InitPageServlet pages;
    private transient volatile List<HttpEndpoint> endpoints;

    /**
     * @param origins the transport's origin rule, applied to the endpoints that ask for it too
     * @param pages the application pages, for those served at an address of their own
     */
    EndpointServlet(Bootstrap bootstrap, SessionCookies cookies, OriginCheck origins, InitPageServlet pages) {
        this.bootstrap = bootstrap;
        this.cookies = cookies;
        this.origins = origins;
        this.pages = pages;
    }

    private List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> current = endpoints;
        if (current == null) {
            current = bootstrap.endpoints().stream()
                    .sorted(Comparator.comparingInt((HttpEndpoint e) -> e.pathPrefix().length()).reversed())
                    .toList();
            endpoints = current;
        }
        return current;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals("/") || path.equals("/thywill") || path.equals("/thywill/")) {
            response.sendRedirect("/thywill/init/");
            return;
        }
        for (HttpEndpoint endpoint : endpoints()) {
            if (path.startsWith(endpoint.pathPrefix())) {
                serve(endpoint, path, request, response);
                return;
            }
        }
        if (!pages.servedAtOwnAddress(request, response)) {
            response.sendError(404);
        }
    }

    private void serve(HttpEndpoint endpoint, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String origin = request.getHeader("Origin");
        // The server name and port are the forwarded ones behind a trusted proxy (TrustedProxies), as on the
        // transport's path.
        String authority = OriginCheck.authority(request.getServerName(), request.getServerPort());
        if (endpoint.ownOriginOnly() && origin != null && !origins.permitted(origin, authority)) {
            LOG.debug("Refused {} {} from origin {} ({})", request.getMethod(), path, origin, request.getRemoteAddr());
            response.sendError(403, "Origin not allowed");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.sendError(413);
            return;
        }
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0]));
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        HttpRequest req = new HttpRequest(request.getMethod(), path, query, headers, body,
                request.getRemoteAddr(), cookies.find(request));
        HttpResponse res;
        try {
            res = endpoint.handle(req);
        } catch (RuntimeException e) {
            LOG.error("Endpoint {} failed on {} {}", endpoint.pathPrefix(), request.getMethod(), path, e);
            response.sendError(500);
            return;
        }
        response.setStatus(res.status());
        res.headers().forEach(response::setHeader);
        if (res.contentType() != null) {
            response.setContentType(res.contentType());
        }
        response.getOutputStream().write(res.body());
    }
}
