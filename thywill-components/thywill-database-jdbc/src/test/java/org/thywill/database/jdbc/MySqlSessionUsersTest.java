package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** The sessions' users contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlSessionUsersTest extends SessionUsersContract {

    @RegisterExtension
    static final ServerDatabase<MySqlTestDatabase, MySqlSettings> SERVER = ServerDatabase.mysql();

    @TempDir
    Path home;

    @Override
    protected JdbcTarget target() {
        return SERVER.target(SERVER.database(), 4, home);
    }
}
