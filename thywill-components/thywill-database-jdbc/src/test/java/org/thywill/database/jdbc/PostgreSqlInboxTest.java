package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;

/** The inbox contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlInboxTest extends InboxContract {

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
        return new PostgreSqlDatabaseProvider().create(server.settings(2), new TestComponentContext(home));
    }

    @Test
    void survivesARestart() throws Exception {
        storedEntriesSurviveARestart();
    }
}
