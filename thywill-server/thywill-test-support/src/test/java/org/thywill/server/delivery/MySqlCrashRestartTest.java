package org.thywill.server.delivery;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** A SIGKILL mid-stream with the MySQL Database, on a throw-away database of this class's own. */
class MySqlCrashRestartTest extends CrashRestartContract {

    private static MySqlTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = MySqlTestDatabase.create("crash");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Map<String, String> database() {
        return Map.of("database.implementation", "mysql", "database.url", database.url(), "database.user",
                database.user(), "database.password", database.password());
    }
}
