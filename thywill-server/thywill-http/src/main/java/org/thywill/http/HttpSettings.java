package org.thywill.http;

import java.util.List;
import org.thywill.api.SettingsException;

/**
 * Defaults and validation of the settings every Client Interface built on this library shares, so that two
 * transports read {@code clientInterface.maxConnections} or {@code allowedOrigins} alike. Each method takes the
 * value bound from the file (null when absent) and returns the value to use, or throws {@link SettingsException}
 * naming the key and what to change; a transport's settings record calls them from its constructor.
 */
public final class HttpSettings {

    private HttpSettings() {
    }

    /** @return {@code allowedOrigins}: origins such as {@code https://example.com:8443}, or {@code *}; default none */
    public static List<String> allowedOrigins(List<String> value) {
        List<String> origins = value == null ? List.of() : List.copyOf(value);
        for (String origin : origins) {
            SettingsException.require(origin.equals("*") || origin.matches("https?://[^/\\s]+"), "allowedOrigins",
                    "must hold origins such as https://example.com:8443 (scheme, host, optional port) or *, not '"
                            + origin + "'");
        }
        return origins;
    }

    /** @return {@code sessionCookie}: 1 to 64 letters, digits, '_' or '-'; default {@code thywill_session} */
    public static String sessionCookie(String value) {
        String name = value == null ? "thywill_session" : value;
        SettingsException.require(name.matches("[A-Za-z0-9_-]{1,64}"), "sessionCookie",
                "must be 1 to 64 letters, digits, '_' or '-'");
        return name;
    }

    /**
     * @param key the setting's name
     * @param value the bound value, or null
     * @param fallback the default
     * @param min the least allowed
     * @param unit what the least is counted in, for the message ("" for a count; " bytes")
     * @return the value, or the default
     * @throws SettingsException if under the least, saying {@code must be at least {min}{unit}}, or for a least
     *         of 0, {@code must be 0 (no cap) or more}
     */
    public static int atLeast(String key, Integer value, int fallback, int min, String unit) {
        int chosen = value == null ? fallback : value;
        SettingsException.require(chosen >= min, key, min == 0 ? "must be 0 (no cap) or more"
                : "must be at least " + min + unit);
        return chosen;
    }
}
