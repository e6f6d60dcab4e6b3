package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.HomeComponentContext;

class H2FileDatabaseTest extends PersistentDatabaseContract {

    @TempDir
    Path home;

    @Override
    protected Database newDatabase() {
        return database(new H2DatabaseProvider().target(new H2Settings("data/nested/thywill", 2),
                new HomeComponentContext(home)));
    }

    @Test
    void relativeFileLivesUnderHomeAndMissingFoldersAreMade() throws Exception {
        startedDatabase();
        assertTrue(Files.isRegularFile(home.resolve("data/nested/thywill.mv.db")));
    }

    @Test
    void defaultFileIsDataThywillUnderHome() {
        String url = new H2DatabaseProvider().target(new H2Settings(null, null), new HomeComponentContext(home)).url();
        assertEquals("jdbc:h2:file:" + home.resolve("data/thywill").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", url);
    }
}
