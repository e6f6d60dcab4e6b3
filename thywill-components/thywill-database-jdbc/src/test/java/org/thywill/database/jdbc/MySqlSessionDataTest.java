package org.thywill.database.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.thywill.api.database.Database;

/** The session data contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which; two nodes share it. */
class MySqlSessionDataTest extends SessionDataContract {

    private static MySqlTestDatabase server;

    @BeforeAll
    static void createDatabase() {
        server = MySqlTestDatabase.start();
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected JdbcTarget target() {
        return MySqlDatabaseProvider.target(server.settings(4));
    }

    @Override
    protected Database secondNode(Database first) throws Exception {
        return started();
    }
}
