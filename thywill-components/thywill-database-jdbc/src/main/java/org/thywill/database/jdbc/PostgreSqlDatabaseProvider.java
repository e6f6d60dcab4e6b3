package org.thywill.database.jdbc;

import java.util.Map;
import org.thywill.api.ComponentContext;

/**
 * Provides the {@code postgresql} database: a PostgreSQL server reached with the PostgreSQL JDBC driver, with
 * migrations and statements of its own dialect where PostgreSQL's SQL differs from MySQL's.
 * Settings: {@link PostgreSqlSettings}.
 */
public final class PostgreSqlDatabaseProvider extends JdbcDatabaseProvider<PostgreSqlSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "postgresql";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public PostgreSqlDatabaseProvider() {
        super(NAME, PostgreSqlSettings.class);
    }

    @Override
    JdbcTarget target(PostgreSqlSettings settings, ComponentContext context) {
        // The driver's own socket timeouts are whole seconds: an unanswered connect fails once the pool gives up.
        String seconds = Long.toString(Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
        Map<String, String> properties = Map.of("connectTimeout", seconds, "loginTimeout", seconds);
        return JdbcTarget.server(NAME, "org.postgresql.Driver", settings.url(), settings, properties,
                SqlDialect.POSTGRESQL);
    }
}
