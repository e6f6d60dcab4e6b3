package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;

/** The inbox contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlInboxTest extends InboxContract {

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
        return new MySqlDatabaseProvider().create(server.settings(2), new TestComponentContext(home));
    }

    @Test
    void survivesARestart() throws Exception {
        storedEntriesSurviveARestart();
    }
}
