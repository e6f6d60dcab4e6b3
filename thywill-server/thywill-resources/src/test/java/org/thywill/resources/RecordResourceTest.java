package org.thywill.resources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resources declared from records, on each database: the tables the library writes in that database's SQL, the
 * check, and the relations.
 */
class RecordResourceTest extends OnEachDatabase {

    @Test
    @Timeout(120)
    void theTablesComeFromTheRecords() {
        onServer("blog", RecordFlow::tablesComeFromTheRecords);
    }

    @Test
    @Timeout(120)
    void relationsExpandAndFilterAcrossAndBadNamesAreRefused() {
        onServer("blog", RecordFlow::relationsExpandAndFilter);
    }

    @Test
    @Timeout(120)
    void theNextStartChecksTheTablesTheLibraryMade() {
        RecordFlow.theNextStartChecksTheTables(server("blog"));
    }

    @Test
    @Timeout(120)
    void aRecordThatDoesNotMatchItsTableStopsStartUpNamingTheColumn() throws Exception {
        RecordFlow.aRecordThatDoesNotMatchItsTableStopsTheApplication(server("drift"),
                home.resolve("thywill.log"));
    }
}
