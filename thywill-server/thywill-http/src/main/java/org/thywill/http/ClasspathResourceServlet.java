package org.thywill.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Serves the browser library at {@code /thywill/client/}: the Client Interface's script and what it imports. */
final class ClasspathResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_.-]+\\.(js|css|map)");
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final String root;

    /** @param root the class path folder served, ending in a slash */
    ClasspathResourceServlet(String root) {
        this.root = root;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
            response.sendError(404);
            return;
        }
        byte[] body = cache.computeIfAbsent(path, this::load);
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

    private byte[] load(String path) {
        try (InputStream in = ClasspathResourceServlet.class.getClassLoader().getResourceAsStream(root
                + path.substring(1))) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
