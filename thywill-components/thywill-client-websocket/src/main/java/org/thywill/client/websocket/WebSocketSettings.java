package org.thywill.client.websocket;

import java.time.Duration;
import java.util.List;
import org.thywill.api.SettingsException;

/**
 * The settings of implementation {@code websocket}: the sub-section {@code clientInterface.plain} when it runs beside
 * another Client Interface, the {@code clientInterface} section when it runs alone.
 *
 * @param port the port it listens on (on {@code server.host}), 0 for any free one; default 8081
 * @param maxMessageSize the largest frame a client may send, in characters; default 65536
 * @param maxMessagesPerSecond the most frames one connection may send per second; default 100
 * @param maxConnections the most connections at once, 0 for no cap; default 10000
 * @param maxConnectionsPerAddress the most connections from one address at once, 0 for no cap; default 200
 * @param maxQueue the most frames kept waiting for one slow connection; default 1000
 * @param idleTimeout how long a connection may stay silent before the server closes it; default 60s
 * @param helloTimeout how long after the upgrade the first {@code hello} may take; default 10s
 * @param sessionCookie the cookie of the upgrade request that names a session; default {@code thywill_session}
 * @param allowedOrigins page origins allowed to connect besides those of the server's own host, or {@code *}
 * @param maxThreads the most threads serving it; default 32
 */
public record WebSocketSettings(Integer port, Integer maxMessageSize, Integer maxMessagesPerSecond,
                                Integer maxConnections, Integer maxConnectionsPerAddress, Integer maxQueue,
                                Duration idleTimeout, Duration helloTimeout, String sessionCookie,
                                List<String> allowedOrigins, Integer maxThreads) {

    /** Applies defaults and validates. */
    public WebSocketSettings {
        port = port == null ? 8081 : port;
        maxMessageSize = maxMessageSize == null ? 65_536 : maxMessageSize;
        maxMessagesPerSecond = maxMessagesPerSecond == null ? 100 : maxMessagesPerSecond;
        maxConnections = maxConnections == null ? 10_000 : maxConnections;
        maxConnectionsPerAddress = maxConnectionsPerAddress == null ? 200 : maxConnectionsPerAddress;
        maxQueue = maxQueue == null ? 1000 : maxQueue;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        helloTimeout = helloTimeout == null ? Duration.ofSeconds(10) : helloTimeout;
        sessionCookie = sessionCookie == null ? "thywill_session" : sessionCookie;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxThreads = maxThreads == null ? 32 : maxThreads;
        SettingsException.require(port >= 0 && port <= 65_535, "port", "must be from 0 (any free port) to 65535");
        SettingsException.require(maxMessageSize >= 1024, "maxMessageSize", "must be at least 1024");
        SettingsException.require(maxMessagesPerSecond >= 1, "maxMessagesPerSecond", "must be at least 1");
        SettingsException.require(maxConnections >= 0, "maxConnections", "must be 0 (no cap) or more");
        SettingsException.require(maxConnectionsPerAddress >= 0, "maxConnectionsPerAddress",
                "must be 0 (no cap) or more");
        SettingsException.require(maxQueue >= 10, "maxQueue", "must be at least 10");
        SettingsException.require(idleTimeout.toMillis() >= 1000, "idleTimeout", "must be at least 1s");
        SettingsException.require(helloTimeout.toMillis() >= 100, "helloTimeout", "must be at least 100ms");
        SettingsException.require(sessionCookie.matches("[A-Za-z0-9_-]{1,64}"), "sessionCookie",
                "must be 1 to 64 letters, digits, '_' or '-'");
        SettingsException.require(maxThreads >= 8, "maxThreads", "must be at least 8");
        for (String origin : allowedOrigins) {
            SettingsException.require(origin.equals("*") || origin.matches("https?://[^/\\s]+"), "allowedOrigins",
                    "must hold origins such as https://example.com:8443 (scheme, host, optional port) or *, not '"
                            + origin + "'");
        }
    }
}
