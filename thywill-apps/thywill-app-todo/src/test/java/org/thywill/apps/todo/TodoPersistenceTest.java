package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The list lives in the database, not in the server: an H2 file keeps it across a restart. */
class TodoPersistenceTest {

    @Test
    void itemsSurviveARestartOnAnH2File(@TempDir Path dir) {
        ThywillTestServer.Builder settings = ThywillTestServer.withApplications("todo")
                .set("database", "file", dir.resolve("db").toString());
        List<Map<String, Object>> remaining;
        try (ThywillTestServer server = settings.start()) {
            remaining = TodoFlow.addRemoveAndLateComer(server.uri(), List.of());
        }
        assertEquals(1, remaining.size());
        try (ThywillTestServer again = settings.start()) {
            TodoFlow.connect(again.uri(), Transport.LONG_POLLING, remaining).close();
            TodoFlow.addRemoveAndLateComer(again.uri(), remaining);
        }
    }
}
