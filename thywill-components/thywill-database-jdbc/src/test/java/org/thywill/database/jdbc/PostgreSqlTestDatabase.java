package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A PostgreSQL database of the tests' own, created on the server named by {@value #URL_VARIABLE} (the machine's own
 * at 127.0.0.1:5432 if unset) and dropped afterwards. Never a silent skip: a test that cannot reach PostgreSQL fails
 * saying what to set.
 */
final class PostgreSqlTestDatabase implements AutoCloseable {

    /** A JDBC URL of a server, for example {@code jdbc:postgresql://127.0.0.1:5432/}. */
    static final String URL_VARIABLE = "THYWILL_TEST_POSTGRES_URL";
    /** The user who may create and drop databases there; {@code postgres} if unset. */
    static final String USER_VARIABLE = "THYWILL_TEST_POSTGRES_USER";
    /** That user's password; empty if unset. */
    static final String PASSWORD_VARIABLE = "THYWILL_TEST_POSTGRES_PASSWORD";

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    /** The database every server has, to create and drop the tests' own from. */
    private static final String ADMIN_DATABASE = "postgres";

    private final String url;
    private final String user;
    private final String password;
    private final String adminUrl;
    private final String name;

    private PostgreSqlTestDatabase(String url, String user, String password, String adminUrl, String name) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** @return a fresh database for one test class; close it afterwards */
    static PostgreSqlTestDatabase start() {
        String configured = System.getenv(URL_VARIABLE);
        String server = configured == null || configured.isBlank() ? LOCAL_SERVER : configured.strip();
        String user = environment(USER_VARIABLE, "postgres");
        String password = environment(PASSWORD_VARIABLE, "");
        String name = "thywill_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String admin = MySqlTestDatabase.withDatabase(server, ADMIN_DATABASE);
        execute(admin, user, password, "CREATE DATABASE " + name);
        return new PostgreSqlTestDatabase(MySqlTestDatabase.withDatabase(server, name), user, password, admin, name);
    }

    /** @return the JDBC URL of this test database */
    String url() {
        return url;
    }

    /** @return the user name */
    String user() {
        return user;
    }

    /**
     * @param poolSize the pool size
     * @return settings for the {@code postgresql} provider pointing here
     */
    PostgreSqlSettings settings(int poolSize) {
        return new PostgreSqlSettings(url, user, password, poolSize, Duration.ofSeconds(5), Duration.ZERO, null);
    }

    /** Drops the database, closing what still uses it. */
    @Override
    public void close() {
        execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            fail("Could not run '" + sql + "' on " + JdbcUrls.redact(url) + " as " + user + ": " + e.getMessage()
                    + ". Start PostgreSQL at 127.0.0.1:5432, or set " + URL_VARIABLE + " (for example "
                    + LOCAL_SERVER + "), " + USER_VARIABLE + " (default postgres) and " + PASSWORD_VARIABLE
                    + " (default empty) for a user who may create databases.", e);
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
