package org.thywill.api;

import java.util.List;

/**
 * The {@code server} section: where the server listens, and which reverse proxies in front of it it believes.
 *
 * @param host the address to bind; {@code 0.0.0.0} for every interface, {@code 127.0.0.1} for this machine only
 * @param port the TCP port; {@code 0} picks a free one (tests do this)
 * @param trustedProxies the addresses ({@code 10.0.0.5}, {@code ::1}) and networks ({@code 10.0.0.0/8}) of the
 *                       reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed;
 *                       default none: a request's client address, scheme and host are those of its own connection
 */
public record ServerSettings(String host, Integer port, List<String> trustedProxies) {

    /** Default port, as the README promises. */
    public static final int DEFAULT_PORT = 8080;

    /** An IPv4 or IPv6 literal with an optional prefix length: never a name, which would need a DNS lookup. */
    private static final String ADDRESS_OR_NETWORK = "([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)"
            + "(/[0-9]{1,3})?";

    /** Applies defaults and validates. */
    public ServerSettings {
        if (host == null || host.isBlank()) {
            host = "0.0.0.0";
        }
        if (port == null) {
            port = DEFAULT_PORT;
        }
        SettingsException.require(port >= 0 && port <= 65535, "port", "must be between 0 and 65535, not " + port);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            String[] parts = proxy.strip().split("/", 2);
            int most = parts[0].contains(":") ? 128 : 32;
            SettingsException.require(proxy.strip().matches(ADDRESS_OR_NETWORK)
                            && (parts.length == 1 || Integer.parseInt(parts[1]) <= most), "trustedProxies",
                    "must list IP addresses (10.0.0.5, ::1) or networks (10.0.0.0/8, fd00::/8) of the reverse"
                            + " proxies in front of the server, not '" + proxy + "' (names are not accepted)");
        }
    }

    /**
     * The settings of a server behind no proxy.
     *
     * @param host as above
     * @param port as above
     */
    public ServerSettings(String host, Integer port) {
        this(host, port, null);
    }
}
