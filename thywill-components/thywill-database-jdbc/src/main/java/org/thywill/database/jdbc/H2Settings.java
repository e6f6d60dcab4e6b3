package org.thywill.database.jdbc;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * The {@code database} section when {@code implementation: h2}: an embedded H2 database in MySQL mode.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code file}</td><td>{@code data/thywill}</td><td>Where the database lives, without H2's
 *   {@code .mv.db} suffix; a relative path is taken from Thywill's home. {@code mem} keeps it in memory instead,
 *   private to one server and lost when it stops (for tests).</td></tr>
 *   <tr><td>{@code poolSize}</td><td>{@code 10}</td><td>Most connections open at once; at least 1.</td></tr>
 *   <tr><td>{@code sessionLifetime}</td><td>{@code 30d}</td><td>How long a session lasts without a page load,
 *   handshake or connection; from 1s to 3650d. Expired sessions are deleted with their memberships and
 *   inboxes.</td></tr>
 *   <tr><td>{@code sessionDataMaxBytes}</td><td>{@code 65536}</td><td>The longest value of one session attribute,
 *   in bytes of its JSON; from 1 to 16777216. Storing a longer one fails naming this key.</td></tr>
 *   <tr><td>{@code sessionDataMaxAttributes}</td><td>{@code 100}</td><td>The most attributes one session holds in
 *   one application; from 1 to 10000. Storing one more fails naming this key.</td></tr>
 * </table>
 *
 * @param file the database file, or {@code mem}
 * @param poolSize the maximum number of pooled connections
 * @param sessionLifetime how long a session lasts without activity
 * @param sessionDataMaxBytes the longest session attribute's JSON, in bytes
 * @param sessionDataMaxAttributes the most attributes of one session in one application
 */
public record H2Settings(String file, Integer poolSize, Duration sessionLifetime, Integer sessionDataMaxBytes,
                         Integer sessionDataMaxAttributes) implements JdbcDatabaseProvider.Settings {

    /** The value of {@code file} that asks for an in-memory database. */
    public static final String IN_MEMORY = "mem";

    /** Where the database lives unless {@code file} says otherwise. */
    public static final String DEFAULT_FILE = "data/thywill";

    /** The pool size unless {@code poolSize} says otherwise. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** Applies defaults and validates. */
    public H2Settings {
        if (file == null) {
            file = DEFAULT_FILE;
        }
        if (poolSize == null) {
            poolSize = DEFAULT_POOL_SIZE;
        }
        SettingsException.require(!file.isBlank(), "file",
                "must not be empty: leave it out for " + DEFAULT_FILE + ", or write " + IN_MEMORY + " for memory");
        SettingsException.require(!file.contains(";"), "file",
                "must not contain ';' (H2 would read what follows as URL options): " + file);
        SettingsException.require(poolSize >= 1, "poolSize", "must be at least 1, not " + poolSize);
        sessionLifetime = SessionLifetime.of(sessionLifetime).value();
        SessionDataLimits limits = SessionDataLimits.of(sessionDataMaxBytes, sessionDataMaxAttributes);
        sessionDataMaxBytes = limits.maxBytes();
        sessionDataMaxAttributes = limits.maxAttributes();
    }

    /**
     * @param file the database file, or {@code mem}
     * @param poolSize the maximum number of pooled connections
     * @param sessionLifetime how long a session lasts without activity
     */
    public H2Settings(String file, Integer poolSize, Duration sessionLifetime) {
        this(file, poolSize, sessionLifetime, null, null);
    }

    /**
     * @param file the database file, or {@code mem}
     * @param poolSize the maximum number of pooled connections
     */
    public H2Settings(String file, Integer poolSize) {
        this(file, poolSize, null, null, null);
    }

    /** @return whether {@code file} asks for an in-memory database */
    public boolean inMemory() {
        return IN_MEMORY.equals(file);
    }
}
