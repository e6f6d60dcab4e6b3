package org.thywill.resources;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.ThywillTestServer;

/** Resources declared from records, on H2: the tables the library writes, the check, and the relations. */
class RecordResourceTest {

    @TempDir
    Path home;

    @Test
    @Timeout(120)
    void theTablesComeFromTheRecords() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("blog").start()) {
            RecordFlow.tablesComeFromTheRecords(server.uri());
        }
    }

    @Test
    @Timeout(120)
    void relationsExpandAndFilterAcrossAndBadNamesAreRefused() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("blog").start()) {
            RecordFlow.relationsExpandAndFilter(server.uri());
        }
    }

    @Test
    @Timeout(120)
    void theNextStartChecksTheTablesTheLibraryMade() {
        RecordFlow.theNextStartChecksTheTables(ThywillTestServer.withApplications("blog").home(home)
                .set("database", "file", "data/blog"));
    }

    @Test
    @Timeout(120)
    void aRecordThatDoesNotMatchItsTableStopsStartUpNamingTheColumn() throws Exception {
        RecordFlow.aRecordThatDoesNotMatchItsTableStopsTheApplication(ThywillTestServer.withApplications("drift"),
                home.resolve("thywill.log"));
    }
}
