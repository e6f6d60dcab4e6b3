package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.api.database.Database;

/** The contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlDatabaseTest extends PersistentDatabaseContract {

    private static MySqlTestDatabase server;

    @TempDir
    Path home;

    @BeforeAll
    static void createDatabase() {
        server = MySqlTestDatabase.start();
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Database newDatabase() {
        return database(MySqlDatabaseProvider.target(server.settings(2)));
    }

    @Test
    void migrationV4KeepsEachSessionsLastSeenTime() throws Exception {
        try (MySqlTestDatabase empty = MySqlTestDatabase.start()) {
            SessionExpiryMigration.check(MySqlDatabaseProvider.target(empty.settings(2)));
        }
    }

    @Test
    void poolOfOneIsEnoughToMigrateAndServe() throws Exception {
        Database database = create(server.settings(1));
        try {
            database.start();
            assertTrue(database.sessions().find(database.sessions().create().value()).isPresent());
        } finally {
            database.stop();
        }
    }

    @Test
    void wrongPasswordFailsStartAtOnceNamingUrlAndUser() {
        Database database = create(new MySqlSettings(server.url(), server.user(), "not-the-password", 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
        // The server answered: no waiting for startupTimeout, which is for a server that cannot be reached.
        ThywillException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ThywillException.class, database::start));
        assertTrue(e.getMessage().startsWith("Could not open the mysql database at " + JdbcUrls.redact(server.url())
                + " as user '" + server.user() + "': "), e.getMessage());
        assertTrue(e.getMessage().contains("that the user and password in the database section are right"),
                e.getMessage());
        database.stop();
    }

    @Test
    void urlWithoutDatabaseFailsStartAtOnceSayingSo() {
        Database database = create(new MySqlSettings(server.serverUrl(), server.user(), server.password(), 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
        ThywillException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ThywillException.class, database::start));
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
        database.stop();
    }

    private Database create(MySqlSettings settings) {
        return new MySqlDatabaseProvider().create(settings, new TestComponentContext(home));
    }
}
