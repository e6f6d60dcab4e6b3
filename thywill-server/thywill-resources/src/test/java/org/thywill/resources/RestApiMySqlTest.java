package org.thywill.resources;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.ThywillTestServer;

/**
 * The same REST flow, and the resources declared from records (see {@link RecordFlow}), on MySQL or MariaDB: a
 * throw-away database on the server named by {@value MySqlTestDatabase#URL_VARIABLE}. Without that variable the test fails rather than skips, since a skipped
 * test has shown nothing.
 */
class RestApiMySqlTest {

    @TempDir
    Path home;
    @AutoClose
    private final MySqlTestDatabase database = MySqlTestDatabase.create("resources");

    /** Runs a flow against a server of the application on this test's database. */
    private void run(String application, Consumer<URI> flow) {
        try (ThywillTestServer server = ThywillTestServer.withApplications(application).database(database).start()) {
            flow.accept(server.uri());
        }
    }

    @Test
    @Timeout(120)
    void aValueOutsideItsColumnsRangeIsRefusedNamingTheFieldAndTheRange() {
        run("shop", ValueRangeFlow::run);
    }

    @Test
    @Timeout(180)
    void everyOperationAnswersItsStatusAndEveryChangeReachesTheWatcher() {
        run("shop", RestApiFlow::run);
    }

    @Test
    @Timeout(120)
    void theTablesComeFromTheRecords() {
        run("blog", RecordFlow::tablesComeFromTheRecords);
    }

    @Test
    @Timeout(120)
    void relationsExpandAndFilterAcrossAndBadNamesAreRefused() {
        run("blog", RecordFlow::relationsExpandAndFilter);
    }

    @Test
    @Timeout(120)
    void theNextStartChecksTheTablesTheLibraryMade() {
        RecordFlow.theNextStartChecksTheTables(ThywillTestServer.withApplications("blog").database(database));
    }

    @Test
    @Timeout(120)
    void aRecordThatDoesNotMatchItsTableStopsStartUpNamingTheColumn() throws Exception {
        RecordFlow.aRecordThatDoesNotMatchItsTableStopsTheApplication(
                ThywillTestServer.withApplications("drift").database(database), home.resolve("thywill.log"));
    }
}
