package org.thywill.resources;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.DatabaseEngine;
import org.thywill.testing.ThywillTestServer;

/**
 * Runs every test of a subclass once per Database: H2, MySQL or MariaDB, and PostgreSQL, each test on a throw-away
 * database of its own on the servers the test support finds (without one the test fails rather than skips, since a
 * skipped test has shown nothing).
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
abstract class OnEachDatabase {

    @Parameter
    DatabaseEngine engine;
    @TempDir
    Path home;
    private DatabaseEngine.Database database;

    @BeforeEach
    void createDatabase() {
        database = engine.create("resources", home);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /**
     * @param application the test application to run
     * @return a server's settings, on this test's database
     */
    ThywillTestServer.Builder server(String application) {
        return database.use(ThywillTestServer.withApplications(application));
    }

    /**
     * Starts a server of the application on this test's database, runs a flow against it, and stops it.
     *
     * @param application the test application to run
     * @param flow what the test does, given the server's address
     */
    void onServer(String application, Consumer<URI> flow) {
        try (ThywillTestServer server = server(application).start()) {
            flow.accept(server.uri());
        }
    }
}
