package org.thywill.client.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the JavaScript client library at {@value #PATH} (to pages of any origin: it is public code, imported across
 * ports), and answers every other plain request with a JSON 404, never Jetty's page.
 */
final class ScriptHandler extends Handler.Abstract.NonBlocking {

    static final String PATH = WebSocketClientInterface.PATH + "/thywill-ws.js";
    private static final String RESOURCE = "thywill/websocket/thywill-ws.js";
    private static final byte[] NOT_FOUND = "{\"error\":{\"status\":404,\"message\":\"Not Found\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] script;

    ScriptHandler() {
        try (InputStream in = ScriptHandler.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the websocket Client Interface's jar");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        boolean found = PATH.equals(Request.getPathInContext(request))
                && (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod()));
        response.setStatus(found ? HttpStatus.OK_200 : HttpStatus.NOT_FOUND_404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, found ? "text/javascript; charset=utf-8"
                : "application/json");
        if (found) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        }
        byte[] body = found ? script : NOT_FOUND;
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body),
                callback);
        return true;
    }
}
