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
 * Provides the {@code mysql} database: a MySQL or MariaDB server reached with MySQL Connector/J, for servers that
 * share one database or whose data must live apart from the machine. Settings: {@link MySqlSettings}.
 */
public final class MySqlDatabaseProvider implements ComponentProvider<MySqlSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "mysql";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public MySqlDatabaseProvider() {
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
    public Class<MySqlSettings> settingsType() {
        return MySqlSettings.class;
    }

    @Override
    public Set<Slot> dependencies() {
        return Set.of(Slot.LOG);
    }

    @Override
    public Database create(MySqlSettings settings, ComponentContext context) {
        return new JdbcDatabase(target(settings), new SessionLifetime(settings.sessionLifetime()),
                settings.sessionDataLimits(), new SecureRandom(),
                context.metrics(), Clock.systemUTC());
    }

    /**
     * @param settings the section
     * @return what to connect to
     */
    static JdbcTarget target(MySqlSettings settings) {
        // Connector/J's own socket timeout, so an unanswered connect fails as soon as the pool gives up.
        Map<String, String> properties = Map.of("connectTimeout",
                Long.toString(settings.connectTimeout().toMillis()));
        String advice = "Check that the server is running and reachable from here, that the database exists, and that"
                + " the user and password in the database section are right.";
        return new JdbcTarget(NAME, "com.mysql.cj.jdbc.Driver", JdbcUrls.forConnectorJ(settings.url()),
                JdbcUrls.redact(settings.url()), settings.user(), settings.password(), settings.poolSize(),
                settings.connectTimeout(), settings.startupTimeout(), properties, advice, false, SqlDialect.MYSQL);
    }
}
