package org.thywill.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.client.SessionId;

/**
 * An HTTP request as an {@link HttpEndpoint} sees it.
 *
 * @param method the method, upper case
 * @param path the path, without the query
 * @param query the query parameters, first value of each
 * @param headers the headers, names in lower case, first value of each
 * @param body the body bytes, empty for none
 * @param remoteAddress the peer's address
 * @param session the browser's Thywill session, if its cookie names a known one
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body, String remoteAddress, Optional<SessionId> session) {

    /** Copies the maps. */
    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
