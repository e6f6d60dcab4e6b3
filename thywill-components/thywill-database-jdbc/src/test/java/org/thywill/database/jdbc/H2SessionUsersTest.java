package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.HomeComponentContext;

/** The sessions' users contract on the embedded H2 file. */
class H2SessionUsersTest extends SessionUsersContract {

    @TempDir
    Path home;

    @Override
    protected JdbcTarget target() {
        return new H2DatabaseProvider().target(new H2Settings("data/session-users", 2),
                new HomeComponentContext(home));
    }
}
