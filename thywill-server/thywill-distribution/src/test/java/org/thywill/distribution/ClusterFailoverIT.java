package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.Browser;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestNginx;

/**
 * Cluster failover as it happens in production: two packaged servers in JVMs of their own (Push {@code redis}, one
 * shared MariaDB/MySQL that {@link MySqlTestDatabase#server()} finds), a real nginx running the project's own
 * {@code config/nginx-cluster.conf} (only addresses and ports changed), and the chat page in Chromium connected
 * through it. While a client on the other node says a line every {@value #EVERY_MILLIS} ms, the page's node is
 * killed with SIGKILL: every line reaches the page, none twice, and the page ends connected to the survivor.
 */
class ClusterFailoverIT {

    private static final Path NGINX_FILE = Path.of("../../config/nginx-cluster.conf");
    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final int LINES = 150;
    /** The page's node is killed right after this many lines were said. */
    private static final int KILL_AFTER = 40;
    private static final long EVERY_MILLIS = 40;

    @TempDir
    Path folder;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String database = "thywill_failover_" + run;
    private final List<DistributionProcess> nodes = new ArrayList<>();
    private String mysqlUrl;
    private String user;
    private String password;

    @BeforeEach
    void createDatabase() throws SQLException {
        mysqlUrl = MySqlTestDatabase.server();
        if (mysqlUrl == null) {
            fail("No MySQL or MariaDB server answers at 127.0.0.1:3306: start one, or set THYWILL_TEST_MYSQL_URL to"
                    + " one this test may create databases on.");
        }
        user = MySqlTestDatabase.serverUser();
        password = MySqlTestDatabase.serverPassword();
        sql("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
    }

    @AfterEach
    void stopAndDropEverything() throws SQLException {
        try {
            nodes.forEach(DistributionProcess::close);
        } finally {
            sql("DROP DATABASE IF EXISTS `" + database + "`");
            RedisClient redis = RedisClient.create(REDIS);
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                List<String> keys = connection.sync().keys("failover-" + run + ":*");
                if (!keys.isEmpty()) {
                    connection.sync().del(keys.toArray(new String[0]));
                }
            } finally {
                redis.shutdown();
            }
        }
    }

    @Test
    void aPageWhoseNodeIsKilledGetsEveryLineOnceAndEndsOnTheSurvivor() throws Exception {
        // Node 2 starts once node 1 has migrated the schema, as in docker-compose.yml.
        DistributionProcess one = startNode("node-1");
        DistributionProcess two = startNode("node-2");
        try (TestNginx nginx = TestNginx.start(NGINX_FILE, List.of(port(one), port(two)));
             Browser page = Browser.open()) {
            page.load(nginx.uri().resolve("/thywill/init/chat/"));
            page.waitUntilConnected();
            DistributionProcess pagesNode = awaitPagesNode(one, two);
            DistributionProcess survivor = pagesNode == one ? two : one;

            AtomicInteger said = new AtomicInteger();
            try (TestClient speaker = TestClient.connect(survivor.uri(), "chat", TestClient.Transport.WEBSOCKET,
                    TestClient.newSession(survivor.uri(), "chat"))) {
                for (int i = 0; i < LINES; i++) {
                    speaker.send(Map.of("text", line(i)));
                    said.incrementAndGet();
                    if (i == KILL_AFTER - 1) {
                        // At once: the node records how far it delivered every 200 ms, so the lines it delivered
                        // since (here, nearly always some) are replayed by the survivor under new seqs.
                        pagesNode.kill();
                    } else {
                        Thread.sleep(EVERY_MILLIS);
                    }
                }
                try {
                    page.waitFor(d -> shown(page).contains(line(LINES - 1)));
                } catch (RuntimeException timedOut) {
                    throw new AssertionError("The last line never reached the page. It shows " + shown(page)
                            + "\n" + nginx.log() + "\n" + survivor.output(), timedOut);
                }
                Thread.sleep(1000); // a late duplicate would arrive now
                List<String> lines = shown(page);
                Map<String, Integer> counts = new TreeMap<>();
                lines.forEach(l -> counts.merge(l, 1, Integer::sum));
                List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).toList();
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < LINES; i++) {
                    if (!counts.containsKey(line(i))) {
                        missing.add(line(i));
                    }
                }
                System.out.printf("Cluster failover: %d lines said, %d shown, missing %s, shown twice %s; the page's"
                        + " node was killed right after line %d%n", said.get(), lines.size(), missing, twice,
                        KILL_AFTER - 1);
                String context = "\nThe page shows " + lines + "\n" + survivor.output();
                assertEquals(List.of(), missing, "every line reaches the page" + context);
                assertEquals(List.of(), twice, "no line twice" + context);

                page.waitUntilConnected();
                assertEquals(2, connections(survivor), "the page, and the speaker, are connected to the survivor");
            }
        }
    }

    private static String line(int i) {
        return "line-" + i;
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown(Browser page) {
        return (List<String>) page.executeScript("return [...document.querySelectorAll("
                + "'#messages li.message .text')].map(e => e.textContent)");
    }

    /** @return the node the page's connection is on, once exactly one node counts one connection */
    private static DistributionProcess awaitPagesNode(DistributionProcess one, DistributionProcess two)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            int onOne = connections(one);
            int onTwo = connections(two);
            if (onOne + onTwo == 1) {
                return onOne == 1 ? one : two;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The page's connection is on neither node, or on both: " + connections(one)
                + " and " + connections(two));
    }

    /** @return the open connections a node reports in its metrics */
    private static int connections(DistributionProcess node) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    node.uri().resolve("/thywill/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            return (int) metrics.body().lines()
                    .filter(l -> l.startsWith("thywill_connections{") || l.startsWith("thywill_connections "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new AssertionError("Cannot read the metrics of " + node.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int port(DistributionProcess node) {
        return node.uri().getPort();
    }

    private DistributionProcess startNode(String id) throws IOException {
        Path home = Files.createDirectories(folder.resolve(id));
        int port = DistributionProcess.freePort();
        String url = MysqlDistributionIT.databaseUrl(mysqlUrl, database);
        String yaml = String.join("\n",
                "# Written by " + ClusterFailoverIT.class.getSimpleName() + ": one node of a two-node cluster.",
                "server: {host: 127.0.0.1, port: " + port + ", trustedProxies: [127.0.0.1]}",
                "log: {implementation: logback, level: INFO, file: "
                        + DistributionProcess.quote(home.resolve("thywill.log").toString()) + "}",
                "database: {implementation: mysql, url: " + DistributionProcess.quote(url)
                        + ", user: " + DistributionProcess.quote(user) + ", password: "
                        + DistributionProcess.quote(password) + ", poolSize: 4}",
                "clientInterface: {implementation: cometd, websocket: true}",
                "push: {implementation: redis, uri: " + REDIS + ", keyPrefix: failover-" + run + ", nodeId: " + id
                        + ", heartbeatInterval: 250ms, nodeTimeout: 2s}",
                "application: {implementation: jar, folder: apps, enabled: [chat]}",
                "");
        Path settings = home.resolve("thywill.yml");
        Files.writeString(settings, yaml, StandardCharsets.UTF_8);
        DistributionProcess node = DistributionProcess.start(home, settings, port, Map.of());
        nodes.add(node);
        return node.awaitServing();
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(mysqlUrl, user, password);
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
