package org.thywill.database.jdbc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.database.Database;

/**
 * Provides the {@code postgresql} database: a PostgreSQL server reached with the PostgreSQL JDBC driver, with
 * migrations and statements of its own dialect where PostgreSQL's SQL differs from MySQL's.
 * Settings: {@link PostgreSqlSettings}.
 */
public final class PostgreSqlDatabaseProvider implements ComponentProvider<PostgreSqlSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "postgresql";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public PostgreSqlDatabaseProvider() {
    }

    @Override
    public Slot slot() {
        return Slot.DATABASE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PostgreSqlSettings> settingsType() {
        return PostgreSqlSettings.class;
    }

    @Override
    public Set<Slot> dependencies() {
        return Set.of(Slot.LOG);
    }

    @Override
    public Database create(PostgreSqlSettings settings, ComponentContext context) {
        return new JdbcDatabase(target(settings), new SessionLifetime(settings.sessionLifetime()),
                settings.sessionDataLimits(), new SecureRandom(),
                context.metrics(), Clock.systemUTC());
    }

    /**
     * @param settings the section
     * @return what to connect to
     */
    static JdbcTarget target(PostgreSqlSettings settings) {
        // The driver's own socket timeouts are whole seconds: an unanswered connect fails once the pool gives up.
        String seconds = Long.toString(Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
        Map<String, String> properties = Map.of("connectTimeout", seconds, "loginTimeout", seconds);
        String advice = "Check that the server is running and reachable from here, that the database exists, and that"
                + " the user and password in the database section are right.";
        return new JdbcTarget(NAME, "org.postgresql.Driver", settings.url(), JdbcUrls.redact(settings.url()),
                settings.user(), settings.password(), settings.poolSize(), settings.connectTimeout(),
                settings.startupTimeout(), properties, advice, false, SqlDialect.POSTGRESQL);
    }
}
