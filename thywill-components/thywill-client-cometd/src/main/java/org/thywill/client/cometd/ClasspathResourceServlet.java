package org.thywill.client.cometd;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Serves the browser library at {@code /thywill/client/}: thywill.js and the CometD client it imports. */
final class ClasspathResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ROOT = "org/thywill/client/cometd/web/";
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_.-]+\\.(js|css|map)");
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
            response.sendError(404);
            return;
        }
        byte[] body = cache.computeIfAbsent(path, ClasspathResourceServlet::load);
        if (body.length == 0) {
            cache.remove(path);
            response.sendError(404);
            return;
        }
        response.setContentType(path.endsWith(".css") ? "text/css;charset=utf-8"
                : path.endsWith(".map") ? "application/json" : "text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(body);
    }

    private static byte[] load(String path) {
        try (InputStream in = ClasspathResourceServlet.class.getClassLoader().getResourceAsStream(ROOT
                + path.substring(1))) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
