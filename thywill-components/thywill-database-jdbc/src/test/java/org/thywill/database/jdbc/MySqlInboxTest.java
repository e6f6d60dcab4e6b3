package org.thywill.database.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/** The inbox contract against a real MySQL or MariaDB server; see {@link MySqlTestDatabase} for which. */
class MySqlInboxTest extends ServerInboxContract {

    @RegisterExtension
    static final ServerDatabase<MySqlTestDatabase, MySqlSettings> SERVER = ServerDatabase.mysql();

    MySqlInboxTest() {
        super(SERVER);
    }
}
