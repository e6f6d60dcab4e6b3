package org.thywill.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.StringUtil;
import org.eclipse.jetty.util.ajax.JSON;

/**
 * Every error answer Jetty or a servlet makes, in place of Jetty's page (which names Jetty and its version, and can
 * show stack traces): the transport's error shape on its path, a plain page of ours for a browser, else JSON
 * ({@code {"error":{"status":404,"message":"Not Found"}}}). Only the status's standard reason is told, never an
 * exception's text.
 */
final class ErrorPages extends ErrorHandler {

    private final String transportPath;
    private final IntFunction<String> transportError;

    /**
     * @param transportPath the transport's path, whose errors are answered in its own shape
     * @param transportError that answer's JSON body for a status
     */
    ErrorPages(String transportPath, IntFunction<String> transportError) {
        this.transportPath = transportPath;
        this.transportError = transportError;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String type;
        String body;
        if (path(request).startsWith(transportPath)) {
            type = "application/json;charset=utf-8";
            body = transportError.apply(code);
        } else if (wantsPage(request)) {
            type = "text/html;charset=utf-8";
            String title = StringUtil.sanitizeXmlString(reason);
            body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                    + "</title></head><body>\n<h1>" + title + "</h1>\n<p>The server answered " + code
                    + ".</p>\n<p><a href=\"/\">Home</a></p>\n</body></html>\n";
        } else {
            type = "application/json;charset=utf-8";
            body = new JSON().toJSON(Map.of("error", Map.of("status", code, "message", reason)));
        }
        SecurityHeaders.addTo(response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.NOTHING_BUT_ITSELF);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String path(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        return path == null ? "" : path;
    }

    private static boolean wantsPage(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
