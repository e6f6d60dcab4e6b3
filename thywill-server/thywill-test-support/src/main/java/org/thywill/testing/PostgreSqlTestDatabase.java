package org.thywill.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * A throw-away PostgreSQL database for one test: a fresh database on the server named by {@value #URL_VARIABLE},
 * else on the machine's own at {@value #LOCAL_SERVER}, dropped by {@link #close}; a failure saying what to set when
 * there is none (never a silent skip, since a skipped test has shown nothing).
 *
 * <pre>{@code
 * try (PostgreSqlTestDatabase db = PostgreSqlTestDatabase.create("todo");
 *      ThywillTestServer server = db.use(ThywillTestServer.withApplications("todo")).start()) { ... }
 * }</pre>
 */
public final class PostgreSqlTestDatabase implements AutoCloseable {

    /** A JDBC URL of a server, for example {@code jdbc:postgresql://127.0.0.1:5432/}. */
    public static final String URL_VARIABLE = "THYWILL_TEST_POSTGRES_URL";
    /** The user who may create and drop databases there; {@code postgres} if unset. */
    public static final String USER_VARIABLE = "THYWILL_TEST_POSTGRES_USER";
    /** That user's password; empty if unset. */
    public static final String PASSWORD_VARIABLE = "THYWILL_TEST_POSTGRES_PASSWORD";
    /** The server used when {@value #URL_VARIABLE} is unset. */
    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    /** The database every server has, to create and drop the tests' own from. */
    private static final String ADMIN_DATABASE = "postgres";

    private final String adminUrl;
    private final String url;
    private final String user;
    private final String password;
    private final String name;

    private PostgreSqlTestDatabase(String adminUrl, String url, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /**
     * @param purpose a word for the database's name, letters and underscores
     * @return a database named {@code thywill_{purpose}_} and 12 random hex digits, created on the server
     * @throws AssertionError if the server cannot be reached or refuses
     */
    public static PostgreSqlTestDatabase create(String purpose) {
        String named = System.getenv(URL_VARIABLE);
        String server = named == null || named.isBlank() ? LOCAL_SERVER : named.strip();
        String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        String name = "thywill_" + purpose + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String admin = TestDatabaseUrls.withDatabase(server, ADMIN_DATABASE);
        PostgreSqlTestDatabase database = new PostgreSqlTestDatabase(admin,
                TestDatabaseUrls.withDatabase(server, name), user, password, name);
        database.onServer("CREATE DATABASE " + name);
        return database;
    }

    /** @return the JDBC URL of this database */
    public String url() {
        return url;
    }

    /** @return the user who owns it, to give a server of its own (as a distribution's settings) */
    public String user() {
        return user;
    }

    /** @return that user's password */
    public String password() {
        return password;
    }

    /**
     * @param builder a test server's settings
     * @return the builder, with the Database {@code postgresql} on this database
     */
    public ThywillTestServer.Builder use(ThywillTestServer.Builder builder) {
        return builder.postgresql(url, user, password);
    }

    /**
     * Reads one column, past Thywill, to check what the database itself holds.
     *
     * @param sql a query of this database
     * @return the first column of every row, as strings
     */
    public List<String> column(String sql) {
        return TestDatabaseUrls.column(url, user, password, name, sql);
    }

    /** Drops the database, closing any connection a test left open. */
    @Override
    public void close() {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onServer(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("Could not run '" + sql + "' on " + adminUrl + " as " + user + ": "
                    + e.getMessage() + ". Start PostgreSQL at 127.0.0.1:5432, or set " + URL_VARIABLE
                    + " (for example " + LOCAL_SERVER + "), " + USER_VARIABLE + " (default postgres) and "
                    + PASSWORD_VARIABLE + " (default empty) for a user who may create databases.", e);
        }
    }
}
