package org.thywill.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.thywill.api.Json;

/**
 * An HTTP response from an {@link HttpEndpoint}.
 *
 * @param status the status code
 * @param contentType the Content-Type header
 * @param body the body bytes
 * @param headers further headers
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** Copies the headers. */
    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * @param status the status code
     * @param text the body, sent as UTF-8 plain text
     * @return the response
     */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param status the status code
     * @param value a JSON value (Map, List, String, Number, Boolean or null)
     * @return the response, as UTF-8 JSON
     */
    public static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, "application/json;charset=utf-8",
                Json.write(value).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param contentType the Content-Type header
     * @param body the bytes
     * @return a 200 response that browsers revalidate before reuse, so a redeployed file is seen at once
     */
    public static HttpResponse resource(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, body, Map.of("Cache-Control", "no-cache"));
    }
}
