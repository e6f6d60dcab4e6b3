package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.api.ThywillException;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** The contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlDatabaseTest extends ServerDatabaseContract {

    @RegisterExtension
    static final ServerDatabase<MySqlTestDatabase, MySqlSettings> SERVER = ServerDatabase.mysql();

    MySqlDatabaseTest() {
        super(SERVER);
    }

    @Test
    void wrongPasswordFailsStartAtOnceNamingUrlAndUser() {
        MySqlTestDatabase server = SERVER.database();
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
        MySqlTestDatabase server = SERVER.database();
        Database database = create(new MySqlSettings(server.serverUrl(), server.user(), server.password(), 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
        ThywillException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ThywillException.class, database::start));
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
        database.stop();
    }

    private Database create(MySqlSettings settings) {
        return SERVER.create(settings, home);
    }
}
