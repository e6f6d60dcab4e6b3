package org.thywill.api.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.thywill.api.client.SessionId;

/**
 * A browser asking for an application's page, as {@link Application#beforePage} sees it before the page is served.
 *
 * @param applicationId the application whose page is asked for
 * @param path the part of the address after {@code /thywill/init/{applicationId}}: {@code /} for the application's
 *        root, {@code /items/42} for {@code /thywill/init/{applicationId}/items/42}
 * @param query the query parameters, decoded, the first value of each name, in the order sent
 * @param session the browser's session
 */
public record PageRequest(String applicationId, String path, Map<String, String> query, SessionId session) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if any part is null
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public PageRequest {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(session, "session");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A page path starts with '/', such as /items/42; not " + path + ".");
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }
}
