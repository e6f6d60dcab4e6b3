package org.thywill.resources;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpRequest;

/**
 * Who asks, as an {@link AccessRule} sees it: an HTTP client of the REST API, or a page's connection that asks to
 * watch a resource.
 *
 * @param session the browser's Thywill session: the cookie of a browser that loaded a Thywill page, or the session
 *                of a connection; empty for an HTTP client without one (curl)
 * @param headers the request's headers, names in lower case (an {@code authorization} header, say); empty for a
 *                connection
 * @param remoteAddress the peer's address
 */
public record Caller(Optional<SessionId> session, Map<String, String> headers, String remoteAddress) {

    /** Validates and copies. */
    public Caller {
        Objects.requireNonNull(session, "session");
        headers = Map.copyOf(headers);
    }

    /**
     * @param request a REST request
     * @return its caller
     */
    public static Caller of(HttpRequest request) {
        return new Caller(request.session(), request.headers(), String.valueOf(request.remoteAddress()));
    }

    /**
     * @param connection a page's connection
     * @return its caller
     */
    public static Caller of(Connection connection) {
        return new Caller(Optional.of(connection.session()), Map.of(), String.valueOf(connection.remoteAddress()));
    }

    /**
     * @param name a header name, any case
     * @return its value, if the request had it
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
