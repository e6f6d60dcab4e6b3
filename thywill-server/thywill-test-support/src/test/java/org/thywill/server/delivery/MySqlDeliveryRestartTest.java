package org.thywill.server.delivery;

import org.junit.jupiter.api.AutoClose;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.ThywillTestServer;

/**
 * The session inbox across a restart with the MySQL Database, on a throw-away database of this class's own on the
 * server named by {@value MySqlTestDatabase#URL_VARIABLE}; without that variable the test fails rather than skips.
 */
class MySqlDeliveryRestartTest extends DeliveryRestartContract {

    @AutoClose
    private static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("delivery");

    @Override
    protected ThywillTestServer.Builder database(ThywillTestServer.Builder builder) {
        return builder.database(DATABASE);
    }
}
