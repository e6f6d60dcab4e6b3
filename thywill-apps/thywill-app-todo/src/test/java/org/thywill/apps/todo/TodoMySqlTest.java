package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.ThywillTestServer;

/**
 * The same list on MySQL or MariaDB: a throw-away database on the server named by
 * {@value MySqlTestDatabase#URL_VARIABLE}. Without that variable the test fails rather than skips, since a skipped
 * test has shown nothing.
 */
class TodoMySqlTest {

    private MySqlTestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = MySqlTestDatabase.create("todo");
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyChangeReachesEveryOpenPageAndTheItemsSurviveARestart(@TempDir Path home) {
        ThywillTestServer.Builder settings = ThywillTestServer.withApplications("todo").database(database).home(home);
        List<Map<String, Object>> remaining;
        try (ThywillTestServer server = settings.start()) {
            remaining = TodoFlow.addRemoveAndLateComer(server.uri(), List.of());
        }
        assertEquals(List.of(remaining.get(0).get("text")), storedTexts(), "What MySQL itself holds");
        try (ThywillTestServer again = settings.start()) {
            TodoFlow.addRemoveAndLateComer(again.uri(), remaining);
        }
    }

    /** @return the texts in the test database's {@code todo_item}, read past Thywill */
    private List<String> storedTexts() {
        return database.column("SELECT text FROM todo_item ORDER BY id");
    }
}
