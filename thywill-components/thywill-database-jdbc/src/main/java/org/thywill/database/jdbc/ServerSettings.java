package org.thywill.database.jdbc;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * The settings of every database server (MySQL, PostgreSQL): the keys they share, and their defaults and limits,
 * written once.
 */
interface ServerSettings extends JdbcDatabaseProvider.Settings {

    /** What an operator should check when a server's database cannot be opened. */
    String ADVICE = "Check that the server is running and reachable from here, that the database exists, and that"
            + " the user and password in the database section are right.";

    /** The pool size unless {@code poolSize} says otherwise. */
    int DEFAULT_POOL_SIZE = 10;

    /** The connect timeout unless {@code connectTimeout} says otherwise. */
    Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The shortest connect timeout HikariCP accepts. */
    Duration MINIMUM_CONNECT_TIMEOUT = Duration.ofMillis(250);

    /** How long start-up waits for the server unless {@code startupTimeout} says otherwise. */
    Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** @return the JDBC URL of the server and database */
    String url();

    /** @return the user name */
    String user();

    /** @return the password */
    String password();

    /** @return the maximum number of pooled connections */
    Integer poolSize();

    /** @return how long to wait for a connection */
    Duration connectTimeout();

    /** @return how long start-up waits for an unreachable server */
    Duration startupTimeout();

    /**
     * @param url the configured URL
     * @param server the server's product, for the message
     * @param example a URL of the right kind, for the message
     * @param prefixes the prefixes the provider's driver accepts
     * @throws SettingsException when the URL is missing or of another database
     */
    static void requireUrl(String url, String server, String example, String... prefixes) {
        SettingsException.require(url != null && !url.isBlank(), "url",
                "is required: the JDBC URL of the " + server + " server, for example " + example);
        for (String prefix : prefixes) {
            if (url.startsWith(prefix)) {
                return;
            }
        }
        throw new SettingsException("url", "must start with " + String.join(" or ", prefixes) + ", not "
                + JdbcUrls.redact(url));
    }

    /** @return the pool size, {@link #DEFAULT_POOL_SIZE} if absent; at least 1 */
    static int poolSize(Integer poolSize) {
        int size = poolSize == null ? DEFAULT_POOL_SIZE : poolSize;
        SettingsException.require(size >= 1, "poolSize", "must be at least 1, not " + size);
        return size;
    }

    /** @return the connect timeout, {@link #DEFAULT_CONNECT_TIMEOUT} if absent; at least 250 ms */
    static Duration connectTimeout(Duration connectTimeout) {
        Duration timeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        SettingsException.require(timeout.compareTo(MINIMUM_CONNECT_TIMEOUT) >= 0, "connectTimeout",
                "must be at least 250ms, not " + timeout.toMillis() + "ms");
        return timeout;
    }

    /** @return the start-up timeout, {@link #DEFAULT_STARTUP_TIMEOUT} if absent; not negative */
    static Duration startupTimeout(Duration startupTimeout) {
        Duration timeout = startupTimeout == null ? DEFAULT_STARTUP_TIMEOUT : startupTimeout;
        SettingsException.require(!timeout.isNegative(), "startupTimeout",
                "must be at least 0s, not " + timeout.toMillis() + "ms");
        return timeout;
    }

    /** @return the settings as text, the password hidden, so that they can be logged */
    static String describe(String type, ServerSettings settings) {
        return type + "[url=" + JdbcUrls.redact(settings.url()) + ", user=" + settings.user() + ", password="
                + (settings.password().isEmpty() ? "" : "***") + ", poolSize=" + settings.poolSize()
                + ", connectTimeout=" + settings.connectTimeout() + ", startupTimeout=" + settings.startupTimeout()
                + ", sessionLifetime=" + settings.sessionLifetime() + "]";
    }
}
