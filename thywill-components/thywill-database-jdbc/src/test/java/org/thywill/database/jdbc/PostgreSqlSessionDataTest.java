package org.thywill.database.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;

/** The session data contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlSessionDataTest extends ServerSessionDataContract {

    @RegisterExtension
    static final ServerDatabase<PostgreSqlTestDatabase, PostgreSqlSettings> SERVER = ServerDatabase.postgresql();

    PostgreSqlSessionDataTest() {
        super(SERVER);
    }
}
