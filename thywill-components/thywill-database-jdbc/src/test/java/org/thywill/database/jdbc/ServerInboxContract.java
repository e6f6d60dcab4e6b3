package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;

/** The inbox contract on a real server, which also keeps the inbox across a restart; run on each engine. */
abstract class ServerInboxContract extends InboxContract {

    @TempDir
    Path home;

    private final ServerDatabase<?, ?> server;

    /** @param server the test class's server database, a static extension of the subclass */
    ServerInboxContract(ServerDatabase<?, ?> server) {
        this.server = server;
    }

    @Override
    protected Database newDatabase() {
        return database(server);
    }

    @Test
    void survivesARestart() throws Exception {
        storedEntriesSurviveARestart();
    }

    private <S extends ServerSettings> Database database(ServerDatabase<?, S> server) {
        return server.create(server.settings(server.database(), 2), home);
    }
}
