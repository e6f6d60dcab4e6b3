package org.thywill.api;

/**
 * The {@code server} section: where the server listens.
 *
 * @param host the address to bind; {@code 0.0.0.0} for every interface, {@code 127.0.0.1} for this machine only
 * @param port the TCP port; {@code 0} picks a free one (tests do this)
 */
public record ServerSettings(String host, Integer port) {

    /** Default port, as the README promises. */
    public static final int DEFAULT_PORT = 8080;

    /** Applies defaults and validates. */
    public ServerSettings {
        if (host == null || host.isBlank()) {
            host = "0.0.0.0";
        }
        if (port == null) {
            port = DEFAULT_PORT;
        }
        SettingsException.require(port >= 0 && port <= 65535, "port", "must be between 0 and 65535, not " + port);
    }
}
