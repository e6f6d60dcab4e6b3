package org.thywill.database.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code database} section when {@code implementation: postgresql}: a PostgreSQL server, reached with the
 * PostgreSQL JDBC driver.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code url}</td><td>(required)</td><td>The JDBC URL, naming the database, for example
 *   {@code jdbc:postgresql://db:5432/thywill}; the driver's URL options apply.</td></tr>
 *   <tr><td>{@code user}</td><td>{@code thywill}</td><td>The user to log in as.</td></tr>
 *   <tr><td>{@code password}</td><td>empty</td><td>That user's password.</td></tr>
 *   <tr><td>{@code poolSize}</td><td>{@code 10}</td><td>Most connections open at once; at least 1.</td></tr>
 *   <tr><td>{@code connectTimeout}</td><td>{@code 10s}</td><td>How long to wait for the server when opening a
 *   connection or borrowing one from the pool; at least {@code 250ms}.</td></tr>
 *   <tr><td>{@code startupTimeout}</td><td>{@code 60s}</td><td>How long start-up keeps trying while the server
 *   cannot be reached; {@code 0s} fails at once. Wrong credentials or a missing database fail at once.</td></tr>
 *   <tr><td>{@code sessionLifetime}</td><td>{@code 30d}</td><td>How long a session lasts without activity.</td></tr>
 *   <tr><td>{@code sessionDataMaxBytes}</td><td>{@code 65536}</td><td>The longest value of one session attribute,
 *   in bytes of its JSON; from 1 to 16777216. Storing a longer one fails naming this key.</td></tr>
 *   <tr><td>{@code sessionDataMaxAttributes}</td><td>{@code 100}</td><td>The most attributes one session holds in
 *   one application; from 1 to 10000. Storing one more fails naming this key.</td></tr>
 * </table>
 *
 * @param url the JDBC URL of the server and database
 * @param user the user name
 * @param password the password
 * @param poolSize the maximum number of pooled connections
 * @param connectTimeout how long to wait for a connection
 * @param startupTimeout how long start-up waits for an unreachable server
 * @param sessionLifetime how long a session lasts without activity
 * @param sessionDataMaxBytes the longest session attribute's JSON, in bytes
 * @param sessionDataMaxAttributes the most attributes of one session in one application
 */
public record PostgreSqlSettings(String url, String user, String password, Integer poolSize,
                                 Duration connectTimeout, Duration startupTimeout, Duration sessionLifetime,
                                 Integer sessionDataMaxBytes, Integer sessionDataMaxAttributes)
        implements ServerSettings {

    /** The user unless {@code user} says otherwise. */
    public static final String DEFAULT_USER = "thywill";

    /** Applies defaults and validates. */
    public PostgreSqlSettings {
        ServerSettings.requireUrl(url, "PostgreSQL", "jdbc:postgresql://db:5432/thywill",
                JdbcUrls.POSTGRESQL_PREFIX);
        user = Objects.requireNonNullElse(user, DEFAULT_USER);
        password = Objects.requireNonNullElse(password, "");
        poolSize = ServerSettings.poolSize(poolSize);
        connectTimeout = ServerSettings.connectTimeout(connectTimeout);
        startupTimeout = ServerSettings.startupTimeout(startupTimeout);
        sessionLifetime = SessionLifetime.of(sessionLifetime).value();
        SessionDataLimits limits = SessionDataLimits.of(sessionDataMaxBytes, sessionDataMaxAttributes);
        sessionDataMaxBytes = limits.maxBytes();
        sessionDataMaxAttributes = limits.maxAttributes();
    }

    /**
     * @param url the JDBC URL of the server and database
     * @param user the user name
     * @param password the password
     * @param poolSize the maximum number of pooled connections
     * @param connectTimeout how long to wait for a connection
     * @param startupTimeout how long start-up waits for an unreachable server
     * @param sessionLifetime how long a session lasts without activity
     */
    public PostgreSqlSettings(String url, String user, String password, Integer poolSize, Duration connectTimeout,
                              Duration startupTimeout, Duration sessionLifetime) {
        this(url, user, password, poolSize, connectTimeout, startupTimeout, sessionLifetime, null, null);
    }

    /** @return the settings with the password hidden, so they can be logged */
    @Override
    public String toString() {
        return ServerSettings.describe("PostgreSqlSettings", this);
    }
}
