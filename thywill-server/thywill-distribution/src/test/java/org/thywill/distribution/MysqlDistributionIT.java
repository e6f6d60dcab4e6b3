package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.TestClient;

/**
 * The same distribution with its database swapped to MySQL or MariaDB by the settings file alone, against the
 * real server {@link MySqlTestDatabase#server()} finds (the machine's own at 127.0.0.1:3306 unless
 * {@code THYWILL_TEST_MYSQL_URL} names another). Each run works in a database of its own, created and dropped here.
 */
class MysqlDistributionIT {

    @TempDir
    static Path folder;
    private static String serverUrl;
    private static String user;
    private static String password;
    private static String database;
    private static DistributionProcess server;

    @BeforeAll
    static void start() throws SQLException {
        serverUrl = MySqlTestDatabase.server();
        if (serverUrl == null) {
            fail("No MySQL or MariaDB server answers at 127.0.0.1:3306: start one, or set THYWILL_TEST_MYSQL_URL to"
                    + " one this test may create databases on, and THYWILL_TEST_MYSQL_USER /"
                    + " THYWILL_TEST_MYSQL_PASSWORD if not root with no password.");
        }
        user = MySqlTestDatabase.serverUser();
        password = MySqlTestDatabase.serverPassword();
        database = "thywill_dist_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        }
        int port = DistributionProcess.freePort();
        String mysql = "{implementation: mysql, url: " + DistributionProcess.quote(databaseUrl(serverUrl, database))
                + ", user: " + DistributionProcess.quote(user) + ", password: " + DistributionProcess.quote(password)
                + ", poolSize: 4}";
        Path settings = DistributionProcess.writeSettings(folder, port, mysql, "");
        server = DistributionProcess.start(folder, settings, port, Map.of()).awaitServing();
    }

    @AfterAll
    static void stop() throws SQLException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
                }
            }
        }
    }

    @Test
    void echoesOverWebSocketAndKeepsTheBrowserSessionInMysql() throws SQLException {
        HttpCookie session = TestClient.newSession(server.uri(), "echo");
        try (TestClient client = TestClient.connect(server.uri(), "echo", TestClient.Transport.WEBSOCKET, session)) {
            client.send("hello, MySQL");
            assertEquals("hello, MySQL", client.nextMessage());
        }
        try (Connection connection = DriverManager.getConnection(databaseUrl(serverUrl, database), user, password);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM thywill_session WHERE id = ?")) {
            query.setString(1, session.getValue());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1), "The session the page set should be a row of thywill_session in "
                        + database + ".\n" + server.output());
            }
        }
    }

    /** @return the server URL with its database path replaced by {@code name}, keeping any URL options */
    static String databaseUrl(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String options = query < 0 ? "" : url.substring(query);
        int hostStart = base.indexOf("//");
        int slash = base.indexOf('/', hostStart < 0 ? 0 : hostStart + 2);
        return (slash < 0 ? base + "/" : base.substring(0, slash + 1)) + name + options;
    }
}
