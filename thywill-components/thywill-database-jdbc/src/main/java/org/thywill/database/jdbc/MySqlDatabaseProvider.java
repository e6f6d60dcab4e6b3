package org.thywill.database.jdbc;

import java.util.Map;
import org.thywill.api.ComponentContext;

/**
 * Provides the {@code mysql} database: a MySQL or MariaDB server reached with MySQL Connector/J, for servers that
 * share one database or whose data must live apart from the machine. Settings: {@link MySqlSettings}.
 */
public final class MySqlDatabaseProvider extends JdbcDatabaseProvider<MySqlSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "mysql";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public MySqlDatabaseProvider() {
        super(NAME, MySqlSettings.class);
    }

    @Override
    JdbcTarget target(MySqlSettings settings, ComponentContext context) {
        // Connector/J's own socket timeout, so an unanswered connect fails as soon as the pool gives up.
        Map<String, String> properties = Map.of("connectTimeout",
                Long.toString(settings.connectTimeout().toMillis()));
        return JdbcTarget.server(NAME, "com.mysql.cj.jdbc.Driver", JdbcUrls.forConnectorJ(settings.url()), settings,
                properties, SqlDialect.MYSQL);
    }
}
