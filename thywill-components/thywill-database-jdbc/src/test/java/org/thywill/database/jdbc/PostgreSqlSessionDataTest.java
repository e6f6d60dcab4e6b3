package org.thywill.database.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.thywill.api.database.Database;

/** The session data contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which; two nodes share it. */
class PostgreSqlSessionDataTest extends SessionDataContract {

    private static PostgreSqlTestDatabase server;

    @BeforeAll
    static void createDatabase() {
        server = PostgreSqlTestDatabase.start();
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected JdbcTarget target() {
        return PostgreSqlDatabaseProvider.target(server.settings(4));
    }

    @Override
    protected Database secondNode(Database first) throws Exception {
        return started();
    }
}
