package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;

/** The sessions' users contract against a real PostgreSQL server; see {@link PostgreSqlTestDatabase} for which. */
class PostgreSqlSessionUsersTest extends SessionUsersContract {

    @RegisterExtension
    static final ServerDatabase<PostgreSqlTestDatabase, PostgreSqlSettings> SERVER = ServerDatabase.postgresql();

    @TempDir
    Path home;

    @Override
    protected JdbcTarget target() {
        return SERVER.target(SERVER.database(), 4, home);
    }
}
