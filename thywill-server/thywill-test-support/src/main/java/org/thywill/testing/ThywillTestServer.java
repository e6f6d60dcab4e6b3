package org.thywill.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;
import org.thywill.testing.fixtures.TestDatabase;

/**
 * A real Thywill server for tests: every component the distribution uses, on a free loopback port, with an
 * in-memory database and the applications found on the test's class path.
 *
 * <pre>{@code
 * try (ThywillTestServer server = ThywillTestServer.withApplications("echo").start();
 *      TestClient client = TestClient.connect(server, "echo", TestClient.Transport.WEBSOCKET)) {
 *     client.send(Map.of("text", "hi"));
 *     assertEquals(Map.of("text", "hi"), client.nextMessage());
 * }
 * }</pre>
 */
public final class ThywillTestServer implements AutoCloseable {

    private final Thywill thywill;

    private ThywillTestServer(Thywill thywill) {
        this.thywill = thywill;
    }

    /**
     * @param applicationIds the applications to run, the default one first; none for every one on the class path
     * @return a builder with the test defaults
     */
    public static Builder withApplications(String... applicationIds) {
        return new Builder(List.of(applicationIds));
    }

    /** @return the running kernel, to reach its components */
    public Thywill thywill() {
        return thywill;
    }

    /**
     * @return the plain-WebSocket endpoint ({@code ws://127.0.0.1:port/thywill/ws}) of a server started
     *     {@link Builder#withPlainWebSocket() with the websocket Client Interface}
     * @throws IllegalStateException when it does not run one
     */
    public URI plainWebSocketUri() {
        int port = thywill.port("websocket");
        if (port < 0) {
            throw new IllegalStateException("This server runs no websocket Client Interface; start it"
                    + " withPlainWebSocket()");
        }
        return URI.create("ws://127.0.0.1:" + port + "/thywill/ws");
    }

    /** @return the port the server listens on */
    public int port() {
        return thywill.port();
    }

    /** @return the server's base URI, on 127.0.0.1 */
    public URI uri() {
        return thywill.uri();
    }

    /**
     * @param applicationId an application id
     * @return the address of that application's page
     */
    public URI page(String applicationId) {
        return uri().resolve("/thywill/init/" + applicationId + "/");
    }

    /** @return the Bayeux endpoint's address */
    public String cometdUrl() {
        return uri().resolve("/thywill/cometd").toString();
    }

    @Override
    public void close() {
        thywill.close();
    }

    /** Builds a test server; {@link #set} changes any setting as the settings file would. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        private Path home;

        private Builder(List<String> applications) {
            set("server", "host", "127.0.0.1");
            set("server", "port", 0);
            set("log", "implementation", "logback");
            set("log", "file", "");
            set("log", "level", System.getProperty("thywill.test.logLevel", "WARN"));
            set("database", "implementation", "h2");
            set("database", "file", "mem");
            set("clientInterface", "implementation", "cometd");
            set("clientInterface", "maxInterval", "3s");
            // A vanished long-polling client is noticed at worst longPollTimeout + maxInterval after its last
            // poll began: 8 s here rather than the 30 s of the defaults, so tests need not wait long.
            set("clientInterface", "longPollTimeout", "5s");
            set("push", "implementation", "cometd");
            set("application", "implementation", "classpath");
            set("application", "enabled", applications);
        }

        /**
         * @param section a settings section
         * @param key a key in it
         * @param value its value
         * @return this
         */
        public Builder set(String section, String key, Object value) {
            sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /**
         * Runs the Client Interface {@code websocket} beside {@code cometd}, on a free port of its own.
         *
         * @return this
         */
        public Builder withPlainWebSocket() {
            set("clientInterface", "implementation", List.of("cometd", "websocket"));
            return set("clientInterface", "plain", new LinkedHashMap<>(Map.of("port", 0)));
        }

        /**
         * Replaces a whole section, dropping the test defaults in it: for example another database.
         *
         * @param section a settings section
         * @param values its keys and values, {@code implementation} included
         * @return this
         */
        public Builder section(String section, Map<String, Object> values) {
            sections.put(section, new LinkedHashMap<>(values));
            return this;
        }

        /**
         * Uses a MySQL (or MariaDB) database instead of the in-memory H2 one.
         *
         * @param url the JDBC URL, naming the database
         * @param user the user
         * @param password the password
         * @return this
         */
        public Builder mysql(String url, String user, String password) {
            return section("database", Map.of("implementation", "mysql", "url", url, "user", user,
                    "password", password));
        }

        /**
         * @param database a throw-away database on a real server
         * @return this, with the Database implementation of that engine there
         */
        public Builder database(TestDatabase database) {
            return section("database", Map.of("implementation", database.implementation(), "url", database.url(),
                    "user", database.user(), "password", database.password()));
        }

        /**
         * @param home the folder relative paths resolve against (a fresh temporary folder by default)
         * @return this
         */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** @return the started server */
        public ThywillTestServer start() {
            ThywillSettings.Builder settings = ThywillSettings.builder();
            sections.forEach((section, values) -> values.forEach((key, value) -> settings.set(section, key, value)));
            try {
                settings.home(home != null ? home : Files.createTempDirectory("thywill-test-"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return new ThywillTestServer(Thywill.start(settings.build()));
        }
    }
}
