package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;

/** The session data contract on a real server, where a second node shares the database; run on each engine. */
abstract class ServerSessionDataContract extends SessionDataContract {

    @TempDir
    Path home;

    private final ServerDatabase<?, ?> server;

    /** @param server the test class's server database, a static extension of the subclass */
    ServerSessionDataContract(ServerDatabase<?, ?> server) {
        this.server = server;
    }

    @Override
    protected JdbcTarget target() {
        return server.target(server.database(), 4, home);
    }

    @Override
    protected Database secondNode(Database first) throws Exception {
        return started();
    }
}
