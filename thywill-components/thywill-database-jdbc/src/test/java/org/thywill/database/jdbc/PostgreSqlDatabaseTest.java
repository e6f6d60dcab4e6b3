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

/** The contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlDatabaseTest extends PersistentDatabaseContract {

    private static PostgreSqlTestDatabase server;

    @TempDir
    Path home;

    @BeforeAll
    static void createDatabase() {
        server = PostgreSqlTestDatabase.start();
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Database newDatabase() {
        return database(PostgreSqlDatabaseProvider.target(server.settings(2)));
    }

    @Test
    void migrationV4KeepsEachSessionsLastSeenTime() throws Exception {
        try (PostgreSqlTestDatabase empty = PostgreSqlTestDatabase.start()) {
            SessionExpiryMigration.check(PostgreSqlDatabaseProvider.target(empty.settings(2)));
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
    void missingDatabaseFailsStartAtOnceNamingUrlAndUser() {
        String missing = MySqlTestDatabase.withDatabase(server.url(), "thywill_no_such_database");
        Database database = create(new PostgreSqlSettings(missing, server.user(), "", 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), null));
        // The server answered: no waiting for startupTimeout, which is for a server that cannot be reached.
        ThywillException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ThywillException.class, database::start));
        assertTrue(e.getMessage().startsWith("Could not open the postgresql database at " + JdbcUrls.redact(missing)
                + " as user '" + server.user() + "': "), e.getMessage());
        assertTrue(e.getMessage().contains("thywill_no_such_database"), e.getMessage());
        database.stop();
    }

    private Database create(PostgreSqlSettings settings) {
        return new PostgreSqlDatabaseProvider().create(settings, new TestComponentContext(home));
    }
}
