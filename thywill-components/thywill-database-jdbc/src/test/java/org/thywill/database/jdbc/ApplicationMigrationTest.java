package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.testing.fixtures.HomeComponentContext;

class ApplicationMigrationTest {

    @TempDir
    Path home;

    @Test
    void historyTableIsNamedAfterTheOwnerInLowerCaseWithOnlyWordCharacters() {
        assertEquals("thywill_app_todo_history", ApplicationMigration.historyTable("todo"));
        assertEquals("thywill_app_my_chat_v2_history", ApplicationMigration.historyTable("My-Chat.v2"));
        assertEquals("thywill_app_a_b_c_history", ApplicationMigration.historyTable("a_b c"));
    }

    @Test
    void ownerTooLongForATableNameIsRefusedBeforeConnecting() {
        JdbcTarget target = new H2DatabaseProvider().target(new H2Settings("mem", 1), new HomeComponentContext(home));
        String owner = "x".repeat(45);
        ThywillException e = assertThrows(ThywillException.class,
                () -> ApplicationMigration.migrate(target, owner, getClass().getClassLoader(), "db/app-notes"));
        assertTrue(e.getMessage().startsWith("Application '" + owner + "' cannot keep a migration history"),
                e.getMessage());
    }
}
