package org.thywill.database.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.HomeComponentContext;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;
import org.thywill.testing.fixtures.TestDatabase;

/**
 * A throw-away database on a real server for one test class (register it as a static extension), with the provider
 * that serves that engine and the settings that point it there.
 *
 * @param <D> the engine's test database
 * @param <S> the provider's settings
 */
final class ServerDatabase<D extends TestDatabase, S extends ServerSettings>
        implements BeforeAllCallback, AfterAllCallback {

    /** Makes an engine's settings of the keys all servers share. */
    interface SettingsFactory<S> {

        S of(String url, String user, String password, int poolSize, Duration connectTimeout,
             Duration startupTimeout);
    }

    private final Supplier<D> creator;
    private final JdbcDatabaseProvider<S> provider;
    private final SettingsFactory<S> settings;
    private D database;

    private ServerDatabase(Supplier<D> creator, JdbcDatabaseProvider<S> provider, SettingsFactory<S> settings) {
        this.creator = creator;
        this.provider = provider;
        this.settings = settings;
    }

    /** @return a MySQL or MariaDB database; see {@link MySqlTestDatabase} for which server */
    static ServerDatabase<MySqlTestDatabase, MySqlSettings> mysql() {
        return new ServerDatabase<>(() -> MySqlTestDatabase.create("test"), new MySqlDatabaseProvider(),
                MySqlSettings::new);
    }

    /** @return a PostgreSQL database; see {@link PostgreSqlTestDatabase} for which server */
    static ServerDatabase<PostgreSqlTestDatabase, PostgreSqlSettings> postgresql() {
        return new ServerDatabase<>(() -> PostgreSqlTestDatabase.create("test"), new PostgreSqlDatabaseProvider(),
                (url, user, password, poolSize, connectTimeout, startupTimeout) -> new PostgreSqlSettings(url, user,
                        password, poolSize, connectTimeout, startupTimeout, null));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = creator.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    /** @return the test class's database */
    D database() {
        return database;
    }

    /** @return another fresh database on the same server; close it afterwards */
    D another() {
        return creator.get();
    }

    /** @return the provider's name, as its messages say it */
    String name() {
        return provider.descriptor().name();
    }

    /**
     * @param url the JDBC URL
     * @param user the user
     * @param password the password
     * @param poolSize the pool size
     * @param connectTimeout how long to wait for a connection
     * @param startupTimeout how long start-up waits for the server
     * @return settings of this engine
     */
    S settings(String url, String user, String password, int poolSize, Duration connectTimeout,
               Duration startupTimeout) {
        return settings.of(url, user, password, poolSize, connectTimeout, startupTimeout);
    }

    /**
     * @param on the database to point at
     * @param poolSize the pool size
     * @return settings on that database that try once at start-up
     */
    S settings(TestDatabase on, int poolSize) {
        return settings(on.url(), on.user(), on.password(), poolSize, Duration.ofSeconds(5), Duration.ZERO);
    }

    /**
     * @param on the database to point at
     * @param poolSize the pool size
     * @param home the test's home folder
     * @return what the provider connects to there
     */
    JdbcTarget target(TestDatabase on, int poolSize, Path home) {
        return provider.target(settings(on, poolSize), new HomeComponentContext(home));
    }

    /**
     * @param settings the settings
     * @param home the test's home folder
     * @return the provider's Database, unstarted
     */
    Database create(S settings, Path home) {
        return provider.create(settings, new HomeComponentContext(home));
    }
}
