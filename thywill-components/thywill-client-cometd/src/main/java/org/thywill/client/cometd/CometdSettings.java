package org.thywill.client.cometd;

import java.time.Duration;
import java.util.List;
import org.thywill.api.SettingsException;
import org.thywill.http.HttpSettings;

/**
 * The {@code clientInterface} section for implementation {@code cometd}.
 *
 * @param websocket offer WebSocket besides long-polling (long-polling is always on); default true
 * @param longPollTimeout how long the server holds a long-poll open with nothing to send; default 20s
 * @param maxInterval how long after its last contact a vanished client is declared disconnected; default 10s
 * @param maxMessageSize the largest message a client may send, in bytes; default 65536
 * @param maxThreads the most threads serving HTTP and WebSocket; default 64
 * @param sessionCookie the name of the HttpOnly cookie holding the session id; default {@code thywill_session}
 * @param allowedOrigins page origins allowed to connect besides the server's own, or {@code *}; default none
 * @param maxQueue the most messages kept waiting for one slow connection; default 1000
 * @param maxMessagesPerSecond the most messages one connection may send per second; default 100
 * @param secureCookie mark the session cookie {@code Secure} on every reply, as behind a TLS proxy this server does
 *                     not know as trusted; default false: {@code Secure} only on replies to HTTPS requests
 * @param maxConnections the most connections this server holds at once, 0 for no cap; default 10000
 * @param maxConnectionsPerAddress the most connections from one client address at once, 0 for no cap; default 200
 */
public record CometdSettings(Boolean websocket, Duration longPollTimeout, Duration maxInterval,
                             Integer maxMessageSize, Integer maxThreads, String sessionCookie,
                             List<String> allowedOrigins, Integer maxQueue, Integer maxMessagesPerSecond,
                             Boolean secureCookie, Integer maxConnections, Integer maxConnectionsPerAddress) {

    /** Applies defaults and validates; the keys every Client Interface shares as {@link HttpSettings} does. */
    public CometdSettings {
        websocket = websocket == null || websocket;
        longPollTimeout = longPollTimeout == null ? Duration.ofSeconds(20) : longPollTimeout;
        maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
        maxMessageSize = HttpSettings.atLeast("maxMessageSize", maxMessageSize, 65_536, 1024, " bytes");
        maxThreads = HttpSettings.atLeast("maxThreads", maxThreads, 64, 8, "");
        sessionCookie = HttpSettings.sessionCookie(sessionCookie);
        allowedOrigins = HttpSettings.allowedOrigins(allowedOrigins);
        maxQueue = HttpSettings.atLeast("maxQueue", maxQueue, 1000, 10, "");
        maxMessagesPerSecond = HttpSettings.atLeast("maxMessagesPerSecond", maxMessagesPerSecond, 100, 1, "");
        secureCookie = secureCookie != null && secureCookie;
        maxConnections = HttpSettings.atLeast("maxConnections", maxConnections, 10_000, 0, "");
        maxConnectionsPerAddress = HttpSettings.atLeast("maxConnectionsPerAddress", maxConnectionsPerAddress, 200, 0,
                "");
        SettingsException.require(!longPollTimeout.isNegative() && longPollTimeout.toMillis() >= 1000,
                "longPollTimeout", "must be at least 1s");
        SettingsException.require(maxInterval.toMillis() >= 500, "maxInterval", "must be at least 500ms");
    }
}
