package org.thywill.server.presence;

import org.junit.jupiter.api.AutoClose;
import org.thywill.kernel.ThywillSettings;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/**
 * Membership across a restart with the MySQL Database, on a throw-away database of this class's own on the server
 * named by {@value MySqlTestDatabase#URL_VARIABLE}; without that variable the test fails rather than skips.
 */
class MySqlMembershipRestartTest extends MembershipRestartContract {

    @AutoClose
    private static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("membership");

    @Override
    protected ThywillSettings.Builder database(ThywillSettings.Builder settings) {
        return settings.set("database", "implementation", "mysql")
                .set("database", "url", DATABASE.url())
                .set("database", "user", DATABASE.user())
                .set("database", "password", DATABASE.password());
    }
}
