package org.thywill.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A throw-away MySQL-compatible database for one test class or test: a fresh database on the server named by
 * {@value #URL_VARIABLE}, else on the machine's own server at {@value #LOCAL_SERVER} when one answers there, else a
 * Testcontainers MySQL where Docker runs, else a failure saying what to set (never a silent skip, since a skipped
 * test has shown nothing). {@link #close} drops the database or stops the container.
 *
 * <pre>{@code
 * try (MySqlTestDatabase db = MySqlTestDatabase.create("todo");
 *      ThywillTestServer server = db.use(ThywillTestServer.withApplications("todo")).start()) { ... }
 * }</pre>
 */
public final class MySqlTestDatabase implements AutoCloseable {

    /** A JDBC URL of a server, for example {@code jdbc:mysql://127.0.0.1:3306/}. */
    public static final String URL_VARIABLE = "THYWILL_TEST_MYSQL_URL";
    /** The user who may create and drop databases there; {@code root} if unset. */
    public static final String USER_VARIABLE = "THYWILL_TEST_MYSQL_USER";
    /** That user's password; empty if unset. */
    public static final String PASSWORD_VARIABLE = "THYWILL_TEST_MYSQL_PASSWORD";
    /** The server used when {@value #URL_VARIABLE} is unset and something listens on its port. */
    public static final String LOCAL_SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String IMAGE = "mysql:8.4";

    private final String url;
    private final String user;
    private final String password;
    private final String name;
    private final Runnable cleanup;

    private MySqlTestDatabase(String url, String user, String password, String name, Runnable cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
        this.cleanup = cleanup;
    }

    /**
     * Creates a database named {@code thywill_{purpose}_} and 12 random hex digits on the {@link #server() server};
     * without one, starts a MySQL container where Docker runs.
     *
     * @param purpose a word for the database's name, letters and underscores
     * @return the created database
     * @throws AssertionError if there is neither a server nor Docker, or the server refuses
     */
    public static MySqlTestDatabase create(String purpose) {
        String server = server();
        if (server == null) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return inContainer();
            }
            throw new AssertionError("This test needs a MySQL or MariaDB server: none answers at 127.0.0.1:3306"
                    + " and there is no Docker to start one. Start one there, or set " + URL_VARIABLE
                    + " to its JDBC URL, for example " + URL_VARIABLE + "=jdbc:mysql://db.example:3306/ (with "
                    + USER_VARIABLE + ", default root, and " + PASSWORD_VARIABLE + ", default empty, for a user who"
                    + " may create databases).");
        }
        String serverUrl = server.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        String user = serverUser();
        String password = serverPassword();
        String name = "thywill_" + purpose + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        onServer(serverUrl, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return new MySqlTestDatabase(TestDatabaseUrls.withDatabase(serverUrl, name), user, password, name,
                () -> onServer(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name));
    }

    /**
     * @return the JDBC URL of the server that tests create their databases on: {@value #URL_VARIABLE} when set,
     *         else {@value #LOCAL_SERVER} when something listens on 127.0.0.1:3306, else null
     */
    public static String server() {
        String named = System.getenv(URL_VARIABLE);
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
            return LOCAL_SERVER;
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the user of the {@link #server() server}: {@value #USER_VARIABLE}, {@code root} if unset */
    public static String serverUser() {
        return System.getenv().getOrDefault(USER_VARIABLE, "root");
    }

    /** @return that user's password: {@value #PASSWORD_VARIABLE}, empty if unset */
    public static String serverPassword() {
        return System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
    }

    @SuppressWarnings("resource") // stopped by close()
    private static MySqlTestDatabase inContainer() {
        MySQLContainer container = new MySQLContainer(IMAGE);
        container.start();
        return new MySqlTestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                container.getDatabaseName(), container::stop);
    }

    /** @return the JDBC URL of this database */
    public String url() {
        return url;
    }

    /** @return the user */
    public String user() {
        return user;
    }

    /** @return the user's password */
    public String password() {
        return password;
    }

    /** @return the database's name */
    public String name() {
        return name;
    }

    /**
     * @param builder a test server's settings
     * @return the builder, with the Database {@code mysql} on this database
     */
    public ThywillTestServer.Builder use(ThywillTestServer.Builder builder) {
        return builder.mysql(url, user, password);
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

    /** Drops the database, or stops the container. */
    @Override
    public void close() {
        cleanup.run();
    }

    private static void onServer(String serverUrl, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("Could not run '" + sql + "' on " + serverUrl + " as " + user + " (set by "
                    + URL_VARIABLE + ", " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + "): " + e.getMessage(), e);
        }
    }

}
