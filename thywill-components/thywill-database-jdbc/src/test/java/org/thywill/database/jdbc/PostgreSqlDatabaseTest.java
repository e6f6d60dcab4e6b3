package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.api.ThywillException;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;
import org.thywill.testing.fixtures.TestDatabaseUrls;

/** The contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlDatabaseTest extends ServerDatabaseContract {

    @RegisterExtension
    static final ServerDatabase<PostgreSqlTestDatabase, PostgreSqlSettings> SERVER = ServerDatabase.postgresql();

    PostgreSqlDatabaseTest() {
        super(SERVER);
    }

    @Test
    void missingDatabaseFailsStartAtOnceNamingUrlAndUser() {
        PostgreSqlTestDatabase server = SERVER.database();
        String missing = TestDatabaseUrls.withDatabase(server.url(), "thywill_no_such_database");
        Database database = SERVER.create(new PostgreSqlSettings(missing, server.user(), "", 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30), null), home);
        // The server answered: no waiting for startupTimeout, which is for a server that cannot be reached.
        ThywillException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ThywillException.class, database::start));
        assertTrue(e.getMessage().startsWith("Could not open the postgresql database at " + JdbcUrls.redact(missing)
                + " as user '" + server.user() + "': "), e.getMessage());
        assertTrue(e.getMessage().contains("thywill_no_such_database"), e.getMessage());
        database.stop();
    }
}
