package org.thywill.api.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP response from an {@link HttpEndpoint}: either bytes, or a JSON value tree that the server encodes with
 * its JSON library when it writes the response (so neither the API nor an application needs one).
 *
 * @param status the status code
 * @param contentType the Content-Type header
 * @param body the body bytes; empty while {@code json} is still to be encoded
 * @param headers further headers
 * @param json the body as a JSON value tree still to be encoded, or null when {@code body} is the body
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers, JsonBody json) {

    /** The Content-Type of {@link #json(int, Object)}. */
    public static final String JSON_TYPE = "application/json;charset=utf-8";

    /** Copies the headers. */
    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * A response whose body is bytes.
     *
     * @param status the status code
     * @param contentType the Content-Type header
     * @param body the body bytes
     * @param headers further headers
     */
    public HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null);
    }

    /**
     * A JSON value tree waiting to be encoded: a wrapper, so that a JSON {@code null} body is told apart from none.
     *
     * @param value a Map (String keys), List or array, String, Number, Boolean or null
     */
    public record JsonBody(Object value) {
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
     * @param value a JSON value (Map, List, String, Number, Boolean or null), encoded as UTF-8 JSON by the server
     *     when it writes the response
     * @return the response
     */
    public static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, JSON_TYPE, new byte[0], Map.of(), new JsonBody(value));
    }

    /**
     * @param contentType the Content-Type header
     * @param body the bytes
     * @return a 200 response that browsers revalidate before reuse, so a redeployed file is seen at once
     */
    public static HttpResponse resource(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, body, Map.of("Cache-Control", "no-cache"));
    }

    /**
     * @param more headers to add, replacing any of the same name
     * @return this response with them
     */
    public HttpResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(more);
        return new HttpResponse(status, contentType, body, all, json);
    }

    /**
     * For the server, once it has encoded {@link #json()}.
     *
     * @param encoded the body bytes
     * @return this response with that body and no value tree left to encode
     */
    public HttpResponse withBody(byte[] encoded) {
        return new HttpResponse(status, contentType, encoded, headers, null);
    }
}
