package org.thywill.database.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.thywill.api.database.Database;

/**
 * The databases a test opened, stopped after it whatever happened, so that no pool outlives its test. Register it as
 * an instance extension ({@code @RegisterExtension}), so that each test has its own.
 */
final class OpenedDatabases implements AfterEachCallback {

    private final List<Database> opened = new ArrayList<>();

    /**
     * @param database a database the test has not started yet
     * @return the database, to be stopped after the test
     */
    Database stopAfter(Database database) {
        opened.add(database);
        return database;
    }

    /**
     * @param database an unstarted database
     * @return the database, started, to be stopped after the test
     * @throws Exception when it does not start
     */
    Database start(Database database) throws Exception {
        stopAfter(database).start();
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Database::stop);
    }
}
