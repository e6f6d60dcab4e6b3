package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thywill.api.ComponentProvider;
import org.thywill.api.ServerSettings;
import org.thywill.api.Slot;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.SettingsBinder;
import org.thywill.kernel.settings.SettingsTree;
import org.thywill.testing.fixtures.MySqlTestDatabase;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked by reading it: its services, health
 * checks and ports, and that every setting it hands Thywill exists; then Thywill is started with exactly the
 * settings file and environment it uses, against a real MySQL-compatible server, and its health check passes.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("../..");
    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode thywill() {
        return compose.path("services").path("thywill");
    }

    @Test
    void thywillWaitsForAHealthyMysqlAndHasAHealthCheckOfItsOwn() {
        JsonNode mysql = compose.path("services").path("mysql");
        assertTrue(mysql.path("image").asText().startsWith("mysql:8"), "MySQL 8");
        assertTrue(mysql.path("healthcheck").path("test").toString().contains("mysqladmin ping"));
        assertTrue(mysql.path("volumes").toString().contains("/var/lib/mysql"), "MySQL's data persists in a volume");
        assertEquals("service_healthy", thywill().path("depends_on").path("mysql").path("condition").asText());
        assertTrue(thywill().path("healthcheck").path("test").toString().contains("/thywill/health"));
        assertEquals("8080:8080", thywill().path("ports").get(0).asText());
    }

    @Test
    void composeItselfAcceptsTheFileWhereItIsInstalled() throws Exception {
        // docker-compose validates without an engine; .ci/run installs it. Elsewhere the checks above stand alone.
        for (List<String> command : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            if (!answers(command, "version")) {
                continue; // not installed, or a docker command without the compose plugin
            }
            for (List<String> arguments : List.of(List.of("config", "-q"),
                    List.of("--profile", "cluster", "config", "-q"), List.of("--profile", "postgres", "config", "-q"))) {
                List<String> full = new java.util.ArrayList<>(command);
                full.addAll(arguments);
                Process p = new ProcessBuilder(full).directory(ROOT.toFile()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                int status = p.waitFor();
                assertEquals(0, status, String.join(" ", full) + " rejected docker-compose.yml: " + output);
            }
            return;
        }
    }

    /** @return whether the command runs and succeeds with the argument */
    private static boolean answers(List<String> command, String argument) throws InterruptedException {
        List<String> full = new java.util.ArrayList<>(command);
        full.add(argument);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    @Test
    void theClusterProfileRunsTwoNodesOnRedisAndMysqlBehindAStickyBalancer() throws IOException {
        JsonNode services = compose.path("services");
        for (String name : List.of("redis", "thywill-1", "thywill-2", "balancer")) {
            assertEquals("[\"cluster\"]", services.path(name).path("profiles").toString(),
                    name + " runs in the cluster profile only");
        }
        for (String name : List.of("mysql", "thywill")) {
            assertTrue(services.path(name).path("profiles").isMissingNode(), name + " still runs by default");
        }
        assertTrue(services.path("redis").path("healthcheck").path("test").toString().contains("ping"));
        Set<String> nodeIds = new HashSet<>();
        for (String name : List.of("thywill-1", "thywill-2")) {
            JsonNode node = services.path(name);
            List<String> command = new java.util.ArrayList<>();
            node.path("command").forEach(part -> command.add(part.asText()));
            assertEquals(List.of("java", "-jar", "thywill.jar", "config/thywill-cluster.yml"), command, name);
            for (String dependency : List.of("mysql", "redis")) {
                assertEquals("service_healthy", node.path("depends_on").path(dependency).path("condition").asText(),
                        name + " waits for a healthy " + dependency);
            }
            assertTrue(node.path("healthcheck").path("test").toString().contains("/thywill/health"), name);
            assertTrue(node.path("volumes").get(0).asText()
                    .startsWith("./thywill-server/thywill-distribution/target/thywill:"), name);
            assertTrue(node.path("ports").isMissingNode(), name + " is reached through the balancer only");
            assertEquals("jdbc:mysql://mysql:3306/thywill",
                    node.path("environment").path("THYWILL_DATABASE_URL").asText(), name + " shares the database");
            nodeIds.add(node.path("environment").path("THYWILL_PUSH_NODE_ID").asText());
        }
        assertEquals(Set.of("node-1", "node-2"), nodeIds, "each node has an id of its own");
        SettingsTree cluster = SettingsTree.read(ROOT.resolve("config/thywill-cluster.yml"));
        assertEquals("redis", cluster.section(Slot.PUSH.key()).get("implementation"));
        assertEquals("mysql", cluster.section(Slot.DATABASE.key()).get("implementation"));

        JsonNode balancer = services.path("balancer");
        assertEquals("8081:80", balancer.path("ports").get(0).asText());
        String mount = balancer.path("volumes").get(0).asText();
        assertTrue(mount.startsWith("./config/nginx-cluster.conf:"), mount);
        String nginx = Files.readString(ROOT.resolve("config/nginx-cluster.conf"));
        assertTrue(nginx.contains("hash $cookie_thywill_session consistent;"), "sticky by session cookie");
        assertTrue(nginx.contains("server thywill-1:8080") && nginx.contains("server thywill-2:8080"), nginx);
        assertTrue(nginx.contains("proxy_set_header Upgrade $http_upgrade;"), "WebSocket passes through");
    }

    @Test
    void theFilesItMountsAndRunsExist() {
        String mount = thywill().path("volumes").get(0).asText();
        assertTrue(mount.startsWith("./thywill-server/thywill-distribution/target/thywill:"), mount);
        assertTrue(Files.isDirectory(ROOT.resolve("thywill-server/thywill-distribution")));
        List<String> command = new java.util.ArrayList<>();
        thywill().path("command").forEach(part -> command.add(part.asText()));
        assertEquals(List.of("java", "-jar", "thywill.jar", "config/thywill-mysql.yml"), command);
        assertTrue(Files.isRegularFile(ROOT.resolve("config/thywill-mysql.yml")));
    }

    @Test
    void everyVariableItSetsIsASettingOfTheChosenImplementations() {
        assertEveryVariableIsASetting(thywill(), "config/thywill-mysql.yml");
        assertEquals("mysql", SettingsTree.read(ROOT.resolve("config/thywill-mysql.yml"))
                .section(Slot.DATABASE.key()).get("implementation"));
    }

    @SuppressWarnings("rawtypes")
    private static void assertEveryVariableIsASetting(JsonNode service, String settingsFile) {
        SettingsTree tree = SettingsTree.read(ROOT.resolve(settingsFile));
        Set<String> known = new HashSet<>();
        SettingsBinder.keysOf(ServerSettings.class).keySet()
                .forEach(k -> known.add(EnvironmentOverrides.variableName("server", k)));
        for (ComponentProvider p : ServiceLoader.load(ComponentProvider.class)) {
            Object chosen = tree.section(p.descriptor().slot().key()).getOrDefault("implementation",
                    Thywill.DEFAULT_IMPLEMENTATIONS.get(p.descriptor().slot()));
            if (p.descriptor().name().equals(chosen)) {
                SettingsBinder.keysOf(p.descriptor().settingsType()).keySet()
                        .forEach(k -> known.add(EnvironmentOverrides.variableName(p.descriptor().slot().key(), k)));
            }
        }
        service.path("environment").fieldNames().forEachRemaining(name ->
                assertTrue(known.contains(name), name + " matches no setting of " + settingsFile));
    }

    @Test
    void thePostgresProfileRunsThywillOnAHealthyPostgresql() {
        JsonNode services = compose.path("services");
        for (String name : List.of("postgres", "thywill-postgres")) {
            assertEquals("[\"postgres\"]", services.path(name).path("profiles").toString(),
                    name + " runs in the postgres profile only");
        }
        JsonNode postgres = services.path("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:"), "the official PostgreSQL image");
        assertTrue(postgres.path("healthcheck").path("test").toString().contains("pg_isready"));
        assertTrue(postgres.path("volumes").toString().contains("/var/lib/postgresql/data"), "data in a volume");
        JsonNode node = services.path("thywill-postgres");
        assertEquals("service_healthy", node.path("depends_on").path("postgres").path("condition").asText());
        assertTrue(node.path("depends_on").path("mysql").isMissingNode(), "no MySQL needed");
        List<String> command = new java.util.ArrayList<>();
        node.path("command").forEach(part -> command.add(part.asText()));
        assertEquals(List.of("java", "-jar", "thywill.jar", "config/thywill-postgresql.yml"), command);
        assertTrue(node.path("healthcheck").path("test").toString().contains("/thywill/health"));
        assertEquals("8082:8080", node.path("ports").get(0).asText(), "beside the default thywill's 8080");
        assertEquals("jdbc:postgresql://postgres:5432/thywill",
                node.path("environment").path("THYWILL_DATABASE_URL").asText());
        assertEveryVariableIsASetting(node, "config/thywill-postgresql.yml");
        assertEquals("postgresql", SettingsTree.read(ROOT.resolve("config/thywill-postgresql.yml"))
                .section(Slot.DATABASE.key()).get("implementation"));
    }

    @Test
    void thywillStartsHealthyWithTheComposeSettingsAgainstARealMysql() throws Exception {
        String base = MySqlTestDatabase.server();
        if (base == null) {
            throw new AssertionError("No MySQL or MariaDB server answers at 127.0.0.1:3306: start one, or set"
                    + " THYWILL_TEST_MYSQL_URL to one (for example jdbc:mysql://db.example:3306/).");
        }
        startsHealthy(thywill(), "config/thywill-mysql.yml", "mysql", base, MySqlTestDatabase.serverUser(),
                MySqlTestDatabase.serverPassword(), "DROP DATABASE ");
    }

    @Test
    void thywillStartsHealthyWithThePostgresProfileSettingsAgainstARealPostgresql() throws Exception {
        String configured = System.getenv("THYWILL_TEST_POSTGRES_URL");
        String base = configured == null || configured.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/"
                : configured.strip();
        String user = System.getenv().getOrDefault("THYWILL_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("THYWILL_TEST_POSTGRES_PASSWORD", "");
        startsHealthy(compose.path("services").path("thywill-postgres"), "config/thywill-postgresql.yml",
                "postgresql", (base.endsWith("/") ? base : base + "/") + "postgres", user, password,
                "DROP DATABASE IF EXISTS ");
    }

    /**
     * Starts Thywill with a compose service's settings file and environment on a new database of the server, swapping
     * only the address, credentials and port, and checks that its health check passes.
     */
    private void startsHealthy(JsonNode service, String settingsFile, String implementation, String adminUrl,
                               String user, String password, String drop) throws Exception {
        String database = "thywill_compose_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        int hosts = adminUrl.indexOf("//") + 2;
        int path = adminUrl.indexOf('/', hosts);
        String url = (path < 0 ? adminUrl : adminUrl.substring(0, path)) + "/" + database;
        Map<String, String> environment = new HashMap<>();
        service.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        environment.put("THYWILL_DATABASE_URL", url);
        environment.put("THYWILL_DATABASE_USER", user);
        environment.put("THYWILL_DATABASE_PASSWORD", password);
        environment.put("THYWILL_SERVER_PORT", "0");
        environment.put("THYWILL_SERVER_HOST", "127.0.0.1");
        environment.put("THYWILL_LOG_FILE", "");
        // The demo jars are not built here: the application section alone is swapped for this test's probe.
        @SuppressWarnings("unchecked")
        Map<String, Object> file = new ObjectMapper(new YAMLFactory())
                .readValue(ROOT.resolve(settingsFile).toFile(), Map.class);
        file.put("application", Map.of("implementation", "classpath", "enabled", List.of("probe")));
        Path home = Files.createTempDirectory("thywill-compose-");
        try (Thywill server = Thywill.start(new ThywillSettings(SettingsTree.of(file, settingsFile),
                new EnvironmentOverrides(environment), home, getClass().getClassLoader()))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/thywill/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"database\":{\"implementation\":\"" + implementation
                    + "\",\"status\":\"up\""), health.body());
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute(drop + database);
            } catch (SQLException e) {
                System.err.println("Could not drop " + database + ": " + e);
            }
        }
    }
}
