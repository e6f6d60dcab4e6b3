package org.thywill.database.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;

/** The inbox contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlInboxTest extends ServerInboxContract {

    @RegisterExtension
    static final ServerDatabase<PostgreSqlTestDatabase, PostgreSqlSettings> SERVER = ServerDatabase.postgresql();

    PostgreSqlInboxTest() {
        super(SERVER);
    }
}
