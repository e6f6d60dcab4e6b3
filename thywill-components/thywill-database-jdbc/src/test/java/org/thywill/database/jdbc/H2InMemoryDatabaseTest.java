package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.HomeComponentContext;

class H2InMemoryDatabaseTest extends DatabaseContract {

    @TempDir
    Path home;

    @Override
    protected Database newDatabase() {
        return database(new H2DatabaseProvider().target(new H2Settings("mem", 2), new HomeComponentContext(home)));
    }

    @Test
    void eachInstanceHasADatabaseOfItsOwn() throws Exception {
        Database one = startedDatabase();
        Database other = startedDatabase();
        SessionId session = one.sessions().create();
        assertEquals(Optional.empty(), other.sessions().find(session.value()));
    }

    @Test
    void migrationV4KeepsEachSessionsLastSeenTime() throws Exception {
        SessionExpiryMigration.check(new H2DatabaseProvider().target(new H2Settings("mem", 2),
                new HomeComponentContext(home)));
    }

    @Test
    void poolOfOneIsEnoughToMigrateAndServe() throws Exception {
        Database database = new H2DatabaseProvider().create(new H2Settings("mem", 1), new HomeComponentContext(home));
        try {
            database.start();
            assertTrue(database.sessions().find(database.sessions().create().value()).isPresent());
        } finally {
            database.stop();
        }
    }

    @Test
    void urlIsUniqueAndInMySqlMode() {
        HomeComponentContext context = new HomeComponentContext(home);
        String url = new H2DatabaseProvider().target(new H2Settings("mem", null), context).url();
        assertTrue(url.matches("jdbc:h2:mem:thywill-[0-9a-f-]{36};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"),
                url);
        assertTrue(!url.equals(new H2DatabaseProvider().target(new H2Settings("mem", null), context).url()));
    }

    @Test
    void stopDropsTheMemory() throws Exception {
        JdbcTarget target = new H2DatabaseProvider().target(new H2Settings("mem", 1), new HomeComponentContext(home));
        Database database = new JdbcDatabase(target, new java.security.SecureRandom());
        database.start();
        database.stop();
        // IFEXISTS: open only a database that still exists.
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(target.url() + ";IFEXISTS=TRUE", "sa", "").close());
    }
}
