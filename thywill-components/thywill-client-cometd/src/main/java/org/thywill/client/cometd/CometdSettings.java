package org.thywill.client.cometd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.thywill.api.SettingsException;

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
 * @param inboxMaxAge how long a message to a session waits for its acknowledgement before it expires; default 24h
 * @param inboxMaxMessages the most unacknowledged messages kept per session and application; default 1000
 * @param inboxPerApplication inbox limits of particular applications, by application id; default none
 * @param inboxWriteDelay how long a message handed to a live connection waits for its acknowledgement before it is
 *                        written to the Database; default 500ms, 0 to write every message at once
 * @param secureCookie mark the session cookie {@code Secure} on every reply, as behind a TLS proxy this server does
 *                     not know as trusted; default false: {@code Secure} only on replies to HTTPS requests
 * @param maxConnections the most connections this server holds at once, 0 for no cap; default 10000
 * @param maxConnectionsPerAddress the most connections from one client address at once, 0 for no cap; default 200
 */
public record CometdSettings(Boolean websocket, Duration longPollTimeout, Duration maxInterval,
                             Integer maxMessageSize, Integer maxThreads, String sessionCookie,
                             List<String> allowedOrigins, Integer maxQueue, Integer maxMessagesPerSecond,
                             Duration inboxMaxAge, Integer inboxMaxMessages,
                             Map<String, InboxLimits> inboxPerApplication, Duration inboxWriteDelay,
                             Boolean secureCookie, Integer maxConnections, Integer maxConnectionsPerAddress) {

    /**
     * @param applicationId an application id
     * @return the inbox limits of that application
     */
    public InboxLimits inboxLimits(String applicationId) {
        InboxLimits defaults = new InboxLimits(inboxMaxAge, inboxMaxMessages);
        InboxLimits own = inboxPerApplication.get(applicationId);
        return own == null ? defaults : own.or(defaults);
    }

    /** Applies defaults and validates. */
    public CometdSettings {
        websocket = websocket == null || websocket;
        longPollTimeout = longPollTimeout == null ? Duration.ofSeconds(20) : longPollTimeout;
        maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
        maxMessageSize = maxMessageSize == null ? 65_536 : maxMessageSize;
        maxThreads = maxThreads == null ? 64 : maxThreads;
        sessionCookie = sessionCookie == null ? "thywill_session" : sessionCookie;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxQueue = maxQueue == null ? 1000 : maxQueue;
        maxMessagesPerSecond = maxMessagesPerSecond == null ? 100 : maxMessagesPerSecond;
        inboxMaxAge = inboxMaxAge == null ? Duration.ofHours(24) : inboxMaxAge;
        inboxMaxMessages = inboxMaxMessages == null ? 1000 : inboxMaxMessages;
        SettingsException.require(inboxMaxAge.toMillis() >= 100, "inboxMaxAge", "must be at least 100ms");
        SettingsException.require(inboxMaxMessages >= 1, "inboxMaxMessages", "must be at least 1");
        inboxPerApplication = inboxPerApplication == null ? Map.of() : Map.copyOf(inboxPerApplication);
        inboxWriteDelay = inboxWriteDelay == null ? InboxWriter.HOLD : inboxWriteDelay;
        secureCookie = secureCookie != null && secureCookie;
        SettingsException.require(!inboxWriteDelay.isNegative() && inboxWriteDelay.toMillis() <= 10_000,
                "inboxWriteDelay", "must be from 0 to 10s");
        for (String origin : allowedOrigins) {
            SettingsException.require(origin.equals("*") || origin.matches("https?://[^/\\s]+"), "allowedOrigins",
                    "must hold origins such as https://example.com:8443 (scheme, host, optional port) or *, not '"
                            + origin + "'");
        }
        SettingsException.require(maxQueue >= 10, "maxQueue", "must be at least 10");
        maxConnections = maxConnections == null ? 10_000 : maxConnections;
        maxConnectionsPerAddress = maxConnectionsPerAddress == null ? 200 : maxConnectionsPerAddress;
        SettingsException.require(maxConnections >= 0, "maxConnections", "must be 0 (no cap) or more");
        SettingsException.require(maxConnectionsPerAddress >= 0, "maxConnectionsPerAddress",
                "must be 0 (no cap) or more");
        SettingsException.require(maxMessagesPerSecond >= 1, "maxMessagesPerSecond", "must be at least 1");
        SettingsException.require(!longPollTimeout.isNegative() && longPollTimeout.toMillis() >= 1000,
                "longPollTimeout", "must be at least 1s");
        SettingsException.require(maxInterval.toMillis() >= 500, "maxInterval", "must be at least 500ms");
        SettingsException.require(maxMessageSize >= 1024, "maxMessageSize", "must be at least 1024 bytes");
        SettingsException.require(maxThreads >= 8, "maxThreads", "must be at least 8");
        SettingsException.require(sessionCookie.matches("[A-Za-z0-9_-]{1,64}"), "sessionCookie",
                "must be 1 to 64 letters, digits, '_' or '-'");
    }
}
