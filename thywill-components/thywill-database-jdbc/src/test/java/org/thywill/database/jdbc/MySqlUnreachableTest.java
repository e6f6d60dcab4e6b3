package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.HomeComponentContext;

/** Start-up against a port where no server listens: needs no MySQL. */
class MySqlUnreachableTest {

    @TempDir
    Path home;

    @Test
    void startFailsNamingTheUrlAndWhatToCheckAndStopIsHarmless() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + closedPort + "/thywill?password=secret";
        Database database = new MySqlDatabaseProvider().create(
                new MySqlSettings(url, "app", null, 1, Duration.ofSeconds(2), Duration.ZERO),
                new HomeComponentContext(home));

        ThywillException e = assertThrows(ThywillException.class, database::start);

        String shownUrl = "jdbc:mysql://127.0.0.1:" + closedPort + "/thywill?password=***";
        assertTrue(e.getMessage().startsWith("Could not open the mysql database at " + shownUrl + " as user 'app': "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Check that the server is running and reachable from here, that the"
                + " database exists, and that the user and password in the database section are right."),
                e.getMessage());
        assertEquals(-1, e.getMessage().indexOf("secret"), e.getMessage());
        assertDoesNotThrow(database::stop);
    }
}
