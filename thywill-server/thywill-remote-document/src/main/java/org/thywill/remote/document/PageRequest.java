package org.thywill.remote.document;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.thywill.api.client.SessionId;

/**
 * A route asked for: the part of the page's address after {@code /thywill/init/{appId}}, split into path and query,
 * with the variables its route pattern captured. Checks see it twice for a page loaded from its address: once over
 * HTTP before the page is served, once when its document starts.
 *
 * @param path the path, such as {@code /items/42}
 * @param query the raw query after {@code ?}, or empty
 * @param variables what the pattern's {@code {name}} parts matched, decoded
 * @param session the browser's session, which identifies it
 */
public record PageRequest(String path, String query, Map<String, String> variables, SessionId session) {

    /** Copies and validates. */
    public PageRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        variables = Map.copyOf(variables);
    }

    /**
     * @param name a variable of the route's pattern
     * @return its value
     * @throws IllegalArgumentException if the pattern has no such variable
     */
    public String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route " + path + " has no variable '" + name + "'; it has "
                    + variables.keySet() + ".");
        }
        return value;
    }

    /**
     * @param name a query parameter's name
     * @return its first value, decoded
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters().get(name));
    }

    /** @return every query parameter's first value, decoded, in order */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                out.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
