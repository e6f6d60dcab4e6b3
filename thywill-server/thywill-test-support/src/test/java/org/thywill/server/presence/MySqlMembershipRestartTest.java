package org.thywill.server.presence;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.thywill.kernel.ThywillSettings;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/**
 * Membership across a restart with the MySQL Database, on a throw-away database of this class's own on the server
 * named by {@value MySqlTestDatabase#URL_VARIABLE}; without that variable the test fails rather than skips.
 */
class MySqlMembershipRestartTest extends MembershipRestartContract {

    @AutoClose
    private static MySqlTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = MySqlTestDatabase.create("membership");
    }

    @Override
    protected ThywillSettings.Builder database(ThywillSettings.Builder settings) {
        return settings.set("database", "implementation", "mysql")
                .set("database", "url", database.url())
                .set("database", "user", database.user())
                .set("database", "password", database.password());
    }
}
