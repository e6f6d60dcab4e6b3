package org.thywill.api.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page presented to prove who its user is, at its handshake or when it refreshes its token. Immutable.
 *
 * @param applicationId the application the page belongs to
 * @param token the token the page sent ({@code ext.thywill.token} of the handshake, or of a refresh), if any
 * @param cookies the cookies of the request that carried it (for a WebSocket, of its upgrade request), by name;
 *                Thywill's own session cookie is left out
 * @param remoteAddress the peer's address, as the Client Interface sees it (the forwarded client's behind a trusted
 *                      proxy)
 */
public record Credentials(String applicationId, Optional<String> token, Map<String, String> cookies,
                          String remoteAddress) {

    /** Validates and copies. */
    public Credentials {
        Objects.requireNonNull(applicationId, "applicationId");
        token = token == null ? Optional.empty() : token.filter(t -> !t.isBlank());
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }
}
