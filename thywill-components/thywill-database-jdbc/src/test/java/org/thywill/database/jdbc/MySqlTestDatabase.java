package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A MySQL-compatible database of the tests' own: a fresh database on the server named by
 * {@value #URL_VARIABLE}, else on the machine's own server at 127.0.0.1:3306 when one answers there, else a
 * Testcontainers MySQL where Docker runs, else a failure saying what to set. Never a
 * silent skip: a test that cannot reach MySQL has not shown anything.
 */
final class MySqlTestDatabase implements AutoCloseable {

    /** A JDBC URL of a server, for example {@code jdbc:mysql://127.0.0.1:3306/}. */
    static final String URL_VARIABLE = "THYWILL_TEST_MYSQL_URL";
    /** The user who may create and drop databases there; {@code root} if unset. */
    static final String USER_VARIABLE = "THYWILL_TEST_MYSQL_USER";
    /** That user's password; empty if unset. */
    static final String PASSWORD_VARIABLE = "THYWILL_TEST_MYSQL_PASSWORD";

    private static final String IMAGE = "mysql:8.4";

    private static final int DEFAULT_PORT = 3306;
    /** The machine's own server, used when {@value #URL_VARIABLE} is unset and something listens there. */
    private static final String LOCAL_SERVER = "jdbc:mysql://127.0.0.1:3306/";

    private final String url;
    private final String user;
    private final String password;
    private final Runnable cleanup;

    private MySqlTestDatabase(String url, String user, String password, Runnable cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
    }

    /** @return a database for one test class; close it afterwards */
    static MySqlTestDatabase start() {
        String server = System.getenv(URL_VARIABLE);
        if (server != null && !server.isBlank()) {
            return onServer(server.strip(), environment(USER_VARIABLE, "root"), environment(PASSWORD_VARIABLE, ""));
        }
        if (localServerAnswers()) {
            return onServer(LOCAL_SERVER, environment(USER_VARIABLE, "root"), environment(PASSWORD_VARIABLE, ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return inContainer();
        }
        return fail("No MySQL server for the tests: none answers at 127.0.0.1:3306 and there is no Docker to start"
                + " one. Start one there, or set " + URL_VARIABLE + " to a server's JDBC URL, for example "
                + URL_VARIABLE + "=jdbc:mysql://db.example:3306/ (with " + USER_VARIABLE + ", default root, and "
                + PASSWORD_VARIABLE + ", default empty, for a user who may create databases).");
    }

    /** @return the JDBC URL of this test database */
    String url() {
        return url;
    }

    /** @return the URL of the server alone, naming no database */
    String serverUrl() {
        return withDatabase(url, "");
    }

    /** @return the server's host and port, for a {@link TcpProxy} */
    InetSocketAddress address() {
        String hostAndPort = hostAndPort(url);
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? new InetSocketAddress(hostAndPort, DEFAULT_PORT)
                : new InetSocketAddress(hostAndPort.substring(0, colon),
                        Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /**
     * @param port a port on 127.0.0.1, a {@link TcpProxy}'s
     * @return the URL of this test database reached through that port
     */
    String urlThrough(int port) {
        int hosts = url.indexOf("//") + 2;
        return url.substring(0, hosts) + "127.0.0.1:" + port + url.substring(hosts + hostAndPort(url).length());
    }

    /** @return the user name */
    String user() {
        return user;
    }

    /** @return the password */
    String password() {
        return password;
    }

    /**
     * @param poolSize the pool size
     * @return settings for the {@code mysql} provider pointing here
     */
    MySqlSettings settings(int poolSize) {
        return new MySqlSettings(url, user, password, poolSize, Duration.ofSeconds(5), Duration.ZERO);
    }

    /** Drops the database or stops the container. */
    @Override
    public void close() {
        cleanup.run();
    }

    private static MySqlTestDatabase onServer(String serverUrl, String user, String password) {
        String name = "thywill_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String admin = JdbcUrls.forConnectorJ(serverUrl);
        execute(admin, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return new MySqlTestDatabase(withDatabase(serverUrl, name), user, password,
                () -> execute(admin, user, password, "DROP DATABASE IF EXISTS " + name));
    }

    @SuppressWarnings("resource") // stopped by close()
    private static MySqlTestDatabase inContainer() {
        MySQLContainer container = new MySQLContainer(IMAGE);
        container.start();
        return new MySqlTestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                container::stop);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            fail("Could not run '" + sql + "' on " + JdbcUrls.redact(url) + " as " + user + " (set by " + URL_VARIABLE
                    + ", " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + "): " + e.getMessage(), e);
        }
    }

    /** Replaces the database of {@code jdbc:mysql://host:port/db?options} (or PostgreSQL's), keeping the rest. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String options = query < 0 ? "" : url.substring(query);
        int hosts = base.indexOf("//") + 2;
        int path = base.indexOf('/', hosts);
        String server = path < 0 ? base : base.substring(0, path);
        return server + "/" + database + options;
    }

    /** @return the {@code host:port} of {@code jdbc:mysql://host:port/db?options} */
    private static String hostAndPort(String url) {
        int hosts = url.indexOf("//") + 2;
        int end = hosts;
        while (end < url.length() && "/?".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(hosts, end);
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", DEFAULT_PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
