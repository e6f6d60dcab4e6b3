package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The session data contract on the embedded H2 file, one node. */
class H2SessionDataTest extends SessionDataContract {

    @TempDir
    Path home;

    @Override
    protected JdbcTarget target() {
        return H2DatabaseProvider.target(new H2Settings("data/session-data", 2), new TestComponentContext(home));
    }
}
