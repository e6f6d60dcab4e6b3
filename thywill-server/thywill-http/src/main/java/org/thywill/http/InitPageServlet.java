package org.thywill.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.StringUtil;
import org.thywill.api.Bootstrap;
import org.thywill.api.application.PageOptions;
import org.thywill.api.application.PageRenderException;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpResponse;
import org.thywill.api.push.Envelopes;

/**
 * Serves {@code /thywill/init/} (the first running application's page), {@code /thywill/init/{appId}/} and every
 * path under it ({@code /thywill/init/{appId}/items/42}, the same page, after the application's
 * {@link Bootstrap#beforePage} check); an unknown id gets a 404 page naming the applications that run. It also serves,
 * for {@link EndpointServlet}, the page of an application that asked for an address of its own at
 * {@code /thywill/{id}/} ({@link PageOptions#ownAddress()}); a page whose application asked for the strict
 * Content-Security-Policy gets it ({@link PagePolicy}).
 */
final class InitPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern OWN_ADDRESS = Pattern.compile("/thywill/([^/]+)(/?)");
    private final transient Bootstrap bootstrap;
    private final transient SessionCookies cookies;

    InitPageServlet(Bootstrap bootstrap, SessionCookies cookies) {
        this.bootstrap = bootstrap;
        this.cookies = cookies;
    }

    /**
     * Serves {@code GET /thywill/{id}/} when the running application {@code id} asked for an address of its own,
     * and redirects {@code /thywill/{id}} there.
     *
     * @return false, having written nothing, when the request is for no such page
     */
    boolean servedAtOwnAddress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher own = OWN_ADDRESS.matcher(request.getRequestURI());
        if (!own.matches() || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return false;
        }
        String application = own.group(1);
        List<String> running = bootstrap.applicationIds();
        if (!running.contains(application) || !bootstrap.pageOptions(application).ownAddress()) {
            return false;
        }
        if (own.group(2).isEmpty()) {
            response.sendRedirect(request.getRequestURI() + "/");
        } else {
            serve(application, "/", request, response, running);
        }
        return true;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        List<String> running = bootstrap.applicationIds();
        String application;
        String pagePath = "/";
        if (path == null || path.equals("/")) {
            if (path == null) {
                response.sendRedirect("/thywill/init/");
                return;
            }
            if (running.isEmpty()) {
                notFound(response, "No application is running.", running);
                return;
            }
            application = running.get(0);
        } else {
            String rest = path.substring(1);
            int slash = rest.indexOf('/');
            if (slash < 0) {
                if (Envelopes.NAME.matcher(rest).matches()) {
                    response.sendRedirect("/thywill/init/" + rest + "/");
                } else {
                    notFound(response, "There is no application at this address.", running);
                }
                return;
            }
            application = rest.substring(0, slash);
            pagePath = rest.substring(slash);
            if (!safe(pagePath)) {
                notFound(response, "There is no page at this address.", running);
                return;
            }
        }
        if (!running.contains(application)) {
            notFound(response, "No running application has the id '" + application + "'.", running);
            return;
        }
        serve(application, pagePath, request, response, running);
    }

    private void serve(String application, String pagePath, HttpServletRequest request,
                       HttpServletResponse response, List<String> running) throws IOException {
        SessionId session = cookies.findOrCreate(request, response);
        PageRequest pageRequest = new PageRequest(application, pagePath, query(request), session);
        Optional<HttpResponse> refusal = bootstrap.beforePage(pageRequest);
        if (refusal.isPresent()) {
            write(refusal.get(), response);
            return;
        }
        Optional<String> page;
        try {
            page = bootstrap.page(pageRequest);
        } catch (PageRenderException e) {
            // Logged where it was thrown; the browser gets the message, meant for it, and never a stack trace.
            renderFailed(response, e.getMessage());
            return;
        }
        if (page.isEmpty()) {
            notFound(response, "The application '" + application + "' stopped.", running);
            return;
        }
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY,
                bootstrap.pageOptions(application).strictPolicy() ? PagePolicy.of(page.get())
                        : PagePolicy.APPLICATION_PAGE);
        response.getWriter().write(page.get());
    }

    /** @return whether every segment after the application's id is plain: no dot segments, no odd characters */
    private static boolean safe(String pagePath) {
        if (pagePath.equals("/")) {
            return true;
        }
        String[] segments = pagePath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailing = i == segments.length - 1 && segment.isEmpty();
            if (!trailing && (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals(".."))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                query.put(name, values[0]);
            }
        });
        return query;
    }

    private static void write(HttpResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(answer.body());
    }

    private static void renderFailed(HttpServletResponse response, String why) throws IOException {
        response.setStatus(500);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>This page could not be rendered</title></head><body>\n"
                + "<h1>This page could not be rendered</h1>\n<p data-status=\"500\">"
                + StringUtil.sanitizeXmlString(why) + "</p>\n</body></html>\n");
    }

    private static void notFound(HttpServletResponse response, String why, List<String> running)
            throws IOException {
        response.setStatus(404);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.NOTHING_BUT_ITSELF);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>No such application</title></head><body>\n<h1>No such application</h1>\n<p>")
                .append(StringUtil.sanitizeXmlString(why)).append("</p>\n<p>Applications running here:</p>\n<ul>\n");
        for (String id : running) {
            html.append("<li><a href=\"/thywill/init/").append(StringUtil.sanitizeXmlString(id)).append("/\">")
                    .append(StringUtil.sanitizeXmlString(id)).append("</a></li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        response.getWriter().write(html.toString());
    }
}
