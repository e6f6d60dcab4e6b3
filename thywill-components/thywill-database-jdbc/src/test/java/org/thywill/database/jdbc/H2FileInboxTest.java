package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.HomeComponentContext;

class H2FileInboxTest extends InboxContract {

    @TempDir
    Path home;

    @Override
    protected Database newDatabase() {
        return new H2DatabaseProvider().create(new H2Settings("data/inbox", 2), new HomeComponentContext(home));
    }

    @Test
    void survivesARestart() throws Exception {
        storedEntriesSurviveARestart();
    }
}
