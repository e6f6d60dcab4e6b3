package org.thywill.server.delivery;

import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** A SIGKILL mid-stream with the MySQL Database, on a throw-away database of this class's own. */
class MySqlCrashRestartTest extends CrashRestartContract {

    @AutoClose
    private static MySqlTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = MySqlTestDatabase.create("crash");
    }

    @Override
    protected Map<String, String> database() {
        return Map.of("database.implementation", "mysql", "database.url", database.url(), "database.user",
                database.user(), "database.password", database.password());
    }
}
