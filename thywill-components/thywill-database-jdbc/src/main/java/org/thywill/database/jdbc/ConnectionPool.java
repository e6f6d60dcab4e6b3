package org.thywill.database.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/** Opens and closes the HikariCP pool, turning "cannot connect" into a message an operator can act on. */
final class ConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    /** HikariCP's default, kept unless the connect timeout is shorter (it must not exceed it). */
    private static final long VALIDATION_TIMEOUT_MILLIS = 5_000;

    /**
     * How often an idle connection is pinged, HikariCP's shortest: a connection the server dropped (a restart, a
     * proxy's idle cut) is found and replaced before anyone borrows it. Borrowing also validates a connection that
     * was idle for more than half a second, so an operation never waits on a dead socket.
     */
    private static final long KEEPALIVE_MILLIS = 30_000;

    /** Flyway holds two connections at once (history and migration): a pool of one would deadlock it. */
    private static final int MIGRATION_POOL_SIZE = 2;

    private ConnectionPool() {
    }

    /**
     * Opens the pool applications and the session store use, sized by the settings.
     *
     * @param target what to connect to
     * @return the open pool, its connections checked
     * @throws ThywillException when the database cannot be reached or names no schema
     */
    static HikariDataSource open(JdbcTarget target) {
        return open(target, "", target.poolSize());
    }

    /**
     * Opens a pool for Flyway alone, whatever the configured size; close it with {@link HikariDataSource#close()}
     * once migrated, without {@link #close(HikariDataSource, JdbcTarget) shutting the database down}.
     *
     * @param target what to connect to
     * @return the open pool, its connections checked
     * @throws ThywillException when the database cannot be reached or names no schema
     */
    static HikariDataSource openForMigration(JdbcTarget target) {
        return open(target, "-migration", MIGRATION_POOL_SIZE);
    }

    private static HikariDataSource open(JdbcTarget target, String nameSuffix, int size) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config(target, nameSuffix, size));
        } catch (HikariPool.PoolInitializationException e) {
            throw new ThywillException("Could not open the " + target.provider() + " database at "
                    + target.displayUrl() + " as user '" + target.user() + "': " + rootMessage(e) + ". "
                    + target.advice(), e);
        }
        try {
            requireSchema(pool, target);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Closes the pool; an embedded database is shut down first so that an in-memory one frees its memory and a
     * file is left consistent.
     *
     * @param pool the pool {@link #open} returned
     * @param target what it connects to
     */
    static void close(HikariDataSource pool, JdbcTarget target) {
        try {
            if (target.embedded()) {
                shutDown(pool, target);
            }
        } finally {
            pool.close();
        }
    }

    private static void shutDown(HikariDataSource pool, JdbcTarget target) {
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            LOG.warn("Could not shut down the {} database at {}: {}", target.provider(), target.displayUrl(),
                    e.getMessage());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Could not shut down the {} database at {}: {}", target.provider(), target.displayUrl(),
                    e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException expected) {
            // SHUTDOWN closed the connection with the database: HikariCP's reset on return fails and evicts it.
        }
    }

    private static HikariConfig config(JdbcTarget target, String nameSuffix, int size) {
        long timeoutMillis = target.connectTimeout().toMillis();
        HikariConfig config = new HikariConfig();
        config.setPoolName("thywill-" + target.provider() + nameSuffix);
        config.setDriverClassName(target.driverClassName());
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.min(VALIDATION_TIMEOUT_MILLIS, timeoutMillis));
        config.setKeepaliveTime(KEEPALIVE_MILLIS);
        target.driverProperties().forEach(config::addDataSourceProperty);
        return config;
    }

    /** Flyway and the session store need a current schema; a MySQL URL without a database gives none. */
    private static void requireSchema(HikariDataSource pool, JdbcTarget target) {
        String catalog;
        try (Connection connection = pool.getConnection()) {
            catalog = connection.getCatalog();
        } catch (SQLException e) {
            throw new ThywillException("Could not use the " + target.provider() + " database at "
                    + target.displayUrl() + ": " + rootMessage(e) + ". " + target.advice(), e);
        }
        if (catalog == null || catalog.isEmpty()) {
            throw new ThywillException("The " + target.provider() + " URL " + target.displayUrl()
                    + " names no database: add one after the host, for example jdbc:mysql://db:3306/thywill");
        }
    }

    /**
     * @param failure an exception, perhaps wrapping others
     * @return the message of its innermost cause, which names the actual problem (refused, access denied, ...)
     */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
