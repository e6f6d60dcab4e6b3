package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.TestDatabase;

/** What a Database on a real server must do beyond {@link PersistentDatabaseContract}, run on each engine. */
abstract class ServerDatabaseContract extends PersistentDatabaseContract {

    @TempDir
    Path home;

    private final ServerDatabase<?, ?> server;

    /** @param server the test class's server database, a static extension of the subclass */
    ServerDatabaseContract(ServerDatabase<?, ?> server) {
        this.server = server;
    }

    @Override
    protected Database newDatabase() {
        return database(server.target(server.database(), 2, home));
    }

    @Test
    void migrationV4KeepsEachSessionsLastSeenTime() throws Exception {
        try (TestDatabase empty = server.another()) {
            SessionExpiryMigration.check(server.target(empty, 2, home));
        }
    }

    @Test
    void poolOfOneIsEnoughToMigrateAndServe() throws Exception {
        Database database = onePool(server);
        try {
            database.start();
            assertTrue(database.sessions().find(database.sessions().create().value()).isPresent());
        } finally {
            database.stop();
        }
    }

    private <S extends ServerSettings> Database onePool(ServerDatabase<?, S> server) {
        return server.create(server.settings(server.database(), 1), home);
    }
}
