package org.thywill.resources;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
    private MySqlTestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = MySqlTestDatabase.create("resources");
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Timeout(120)
    void aValueOutsideItsColumnsRangeIsRefusedNamingTheFieldAndTheRange() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("shop").database(database).start()) {
            ValueRangeFlow.run(server.uri());
        }
    }

    @Test
    @Timeout(180)
    void everyOperationAnswersItsStatusAndEveryChangeReachesTheWatcher() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("shop").database(database).start()) {
            RestApiFlow.run(server.uri());
        }
    }

    @Test
    @Timeout(120)
    void theTablesComeFromTheRecords() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("blog").database(database).start()) {
            RecordFlow.tablesComeFromTheRecords(server.uri());
        }
    }

    @Test
    @Timeout(120)
    void relationsExpandAndFilterAcrossAndBadNamesAreRefused() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("blog").database(database).start()) {
            RecordFlow.relationsExpandAndFilter(server.uri());
        }
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
