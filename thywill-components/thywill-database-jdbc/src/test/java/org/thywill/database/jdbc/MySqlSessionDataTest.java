package org.thywill.database.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** The session data contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlSessionDataTest extends ServerSessionDataContract {

    @RegisterExtension
    static final ServerDatabase<MySqlTestDatabase, MySqlSettings> SERVER = ServerDatabase.mysql();

    MySqlSessionDataTest() {
        super(SERVER);
    }
}
