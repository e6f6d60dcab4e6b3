package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thywill.testing.ThywillTestServer;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;
import org.thywill.testing.fixtures.TestDatabase;

/**
 * The same list on MySQL (or MariaDB) and on PostgreSQL, the latter from the application's db/todo-postgresql
 * scripts: a throw-away database on the server named by {@value MySqlTestDatabase#URL_VARIABLE} or
 * {@value PostgreSqlTestDatabase#URL_VARIABLE}, else the machine's own. Without one the test fails rather than
 * skips, since a skipped test has shown nothing.
 */
class TodoServerDatabaseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "postgresql"})
    void everyChangeReachesEveryOpenPageAndTheItemsSurviveARestart(String implementation, @TempDir Path home) {
        try (TestDatabase database = TestDatabase.create(implementation, "todo")) {
            ThywillTestServer.Builder settings = ThywillTestServer.withApplications("todo").database(database)
                    .home(home);
            List<Map<String, Object>> remaining;
            try (ThywillTestServer server = settings.start()) {
                remaining = TodoFlow.addRemoveAndLateComer(server.uri(), List.of());
            }
            assertEquals(List.of(remaining.get(0).get("text")),
                    database.column("SELECT text FROM todo_item ORDER BY id"), "What " + implementation
                            + " itself holds");
            try (ThywillTestServer again = settings.start()) {
                TodoFlow.addRemoveAndLateComer(again.uri(), remaining);
            }
        }
    }
}
