package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.PostgreSqlTestDatabase;

/**
 * The distribution started with its shipped config/thywill-postgresql.yml (only the address, the database and the
 * log file moved by environment variables) on a throw-away database of the PostgreSQL server
 * {@link PostgreSqlTestDatabase} finds: every application it enables starts there, Twooter's tables included.
 */
class PostgresqlDistributionIT {

    @TempDir
    static Path folder;
    private static PostgreSqlTestDatabase database;
    private static DistributionProcess server;

    @BeforeAll
    static void start() {
        database = PostgreSqlTestDatabase.create("dist");
        int port = DistributionProcess.freePort();
        server = DistributionProcess.start(folder, DistributionProcess.home().resolve("config/thywill-postgresql.yml"),
                port, Map.of(
                        "THYWILL_SERVER_HOST", "127.0.0.1",
                        "THYWILL_SERVER_PORT", String.valueOf(port),
                        "THYWILL_DATABASE_URL", database.url(),
                        "THYWILL_DATABASE_USER", database.user(),
                        "THYWILL_DATABASE_PASSWORD", database.password(),
                        "THYWILL_LOG_FILE", folder.resolve("thywill.log").toString()));
        server.awaitServing();
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void twooterServesItsPageAndStoresAUserInPostgresql() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.uri().resolve("/thywill/init/twooter/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), () -> page.body() + "\n" + server.output());
        assertTrue(page.body().contains("Twooter"), page::body);
        // As curl -H 'Content-Type: application/json' -d '{"user_name": "elephant"}' would.
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/twooter/users"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_name\": \"elephant\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), () -> created.body() + "\n" + server.output());
        assertEquals(List.of("elephant"), database.column("SELECT user_name FROM twooter_user"),
                "the row is in PostgreSQL's table, which the resources library created");
        String log = Files.readString(folder.resolve("thywill.log"));
        assertFalse(log.contains("failed to start"), "every enabled application started:\n" + log);
    }
}
