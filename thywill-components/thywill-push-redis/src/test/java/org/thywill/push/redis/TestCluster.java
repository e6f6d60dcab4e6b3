package org.thywill.push.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.thywill.api.push.Push;
import org.thywill.testing.ThywillTestServer;

/**
 * Nodes of one test cluster: each a real Thywill server on port 0 with the Push {@code redis}, sharing the
 * machine's Redis under a key prefix of their own (removed afterwards) and, when asked, a throw-away MySQL (or
 * MariaDB) database, so that a session cookie from one node is known on the others.
 */
final class TestCluster implements AutoCloseable {

    /** The Redis the tests use. */
    static final String REDIS = "redis://127.0.0.1:6379";
    static final String MYSQL_URL = env("THYWILL_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    static final String MYSQL_USER = env("THYWILL_TEST_MYSQL_USER", "root");
    static final String MYSQL_PASSWORD = env("THYWILL_TEST_MYSQL_PASSWORD", "");

    private final String prefix = "thywill-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String application;
    private final String database;
    private final String presenceGrace;
    private final List<ThywillTestServer> nodes = new ArrayList<>();
    private String nodeTimeout = "2s";
    private String sessionLifetime;
    private String secret;

    /**
     * @param application the application the nodes run
     * @param sharedDatabase whether the nodes share a MySQL database (true) or each has its own H2 in memory
     */
    TestCluster(String application, boolean sharedDatabase) {
        this(application, sharedDatabase, "1s");
    }

    /**
     * @param application the application the nodes run
     * @param sharedDatabase whether the nodes share a MySQL database (true) or each has its own H2 in memory
     * @param presenceGrace the nodes' {@code push.presenceGrace}
     */
    TestCluster(String application, boolean sharedDatabase, String presenceGrace) {
        this.application = application;
        this.presenceGrace = presenceGrace;
        this.database = sharedDatabase ? "thywill_redis_" + prefix.substring(prefix.length() - 8) : null;
        if (database != null) {
            sql("CREATE DATABASE " + database);
        }
    }

    /**
     * @param timeout the {@code push.nodeTimeout} of the nodes started from now on (2 s unless set)
     * @return this cluster
     */
    TestCluster nodeTimeout(String timeout) {
        this.nodeTimeout = timeout;
        return this;
    }

    /**
     * @param lifetime the {@code database.sessionLifetime} of the nodes started from now on (the default unless set)
     * @return this cluster
     */
    TestCluster sessionLifetime(String lifetime) {
        this.sessionLifetime = lifetime;
        return this;
    }

    /**
     * @param hmacSecret the secret of the {@code jwt} authentication of the nodes started from now on, which then
     *                   refuse a page without a token signed with it
     * @return this cluster
     */
    TestCluster jwt(String hmacSecret) {
        this.secret = hmacSecret;
        return this;
    }

    /** @return the cluster's key prefix */
    String prefix() {
        return prefix;
    }

    /**
     * Starts a node that reaches Redis at {@code redisUri}.
     *
     * @param nodeId the node's id
     * @param redisUri where it finds Redis
     * @return the running node
     */
    ThywillTestServer start(String nodeId, String redisUri) {
        ThywillTestServer.Builder builder = ThywillTestServer.withApplications(application)
                .set("push", "implementation", "redis")
                .set("push", "uri", redisUri)
                .set("push", "keyPrefix", prefix)
                .set("push", "nodeId", nodeId)
                .set("push", "heartbeatInterval", "250ms")
                .set("push", "nodeTimeout", nodeTimeout)
                .set("push", "presenceGrace", presenceGrace);
        if (database != null) {
            String url = MYSQL_URL.endsWith("/") ? MYSQL_URL + database : MYSQL_URL + "/" + database;
            builder.mysql(url, MYSQL_USER, MYSQL_PASSWORD);
        }
        if (sessionLifetime != null) {
            builder.set("database", "sessionLifetime", sessionLifetime);
        }
        if (secret != null) {
            builder.set("authentication", "implementation", "jwt").set("authentication", "secret", secret);
        }
        ThywillTestServer node = builder.start();
        nodes.add(node);
        return node;
    }

    /** @return a node reaching the machine's Redis directly */
    ThywillTestServer start(String nodeId) {
        return start(nodeId, REDIS);
    }

    /**
     * Stops a node, leaving what it registered in Redis as a crash would: its Push stops heart-beating and closes
     * its Redis connection first, so the node's clients, cut off afterwards by its (graceful) stop, stay registered
     * there.
     *
     * @param node a node of this cluster
     */
    void kill(ThywillTestServer node) {
        nodes.remove(node);
        node.thywill().component(Push.class).stop();
        node.close();
    }

    /**
     * Makes a dead node's last recorded position in the cluster's log the log's start, as if it had died just before
     * recording any: the node that declares it down then replays to its sessions everything the log kept for them,
     * also what the dead node had delivered already (the case its last 200 ms are in after a real crash).
     *
     * @param nodeId a node that {@link #kill} stopped
     */
    void forgetPosition(String nodeId) {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().hset(prefix + ":positions", nodeId, LogIds.START);
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        nodes.forEach(ThywillTestServer::close);
        nodes.clear();
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            KeyScanCursor<String> cursor = connection.sync().scan(ScanArgs.Builder.matches(prefix + ":*").limit(500));
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    connection.sync().del(cursor.getKeys().toArray(new String[0]));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(500));
            }
        } finally {
            client.shutdown();
        }
        if (database != null) {
            sql("DROP DATABASE IF EXISTS " + database);
        }
    }

    /**
     * Waits until a node wrote a message for a session to the shared database: nodes write inboxes behind the
     * sends, and a page that moves to another node finds there what its former node kept for it.
     *
     * @param text the {@code text} of the message
     */
    void awaitStored(String text) {
        awaitStored("%", text);
    }

    /**
     * Waits until a node wrote a message for one session to the shared database.
     *
     * @param session the session's id ({@code %} for any)
     * @param text the {@code text} of the message
     */
    void awaitStored(String session, String text) {
        String url = MYSQL_URL.endsWith("/") ? MYSQL_URL + database : MYSQL_URL + "/" + database;
        await("a node wrote '" + text + "' to the database", Deliveries.WAIT, () -> {
            try (Connection connection = DriverManager.getConnection(url, MYSQL_USER, MYSQL_PASSWORD);
                 var statement = connection.prepareStatement(
                         "SELECT COUNT(*) FROM thywill_inbox WHERE session_id LIKE ? AND envelope LIKE ?")) {
                statement.setString(1, session);
                statement.setString(2, "%\"text\":\"" + text + "\"%");
                try (var rows = statement.executeQuery()) {
                    return rows.next() && rows.getInt(1) > 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Waits until a session is present nowhere in the cluster: its grace period ended.
     *
     * @param session the session's id
     */
    void awaitAbsent(String session) {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            await("session departed", Deliveries.WAIT, () -> connection.sync()
                    .exists(prefix + ":present:" + application + ":" + session) == 0);
        } finally {
            client.shutdown();
        }
    }

    /**
     * @param node a node
     * @return the status code and body of its health endpoint
     */
    static HttpResponse<String> health(ThywillTestServer node) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri().resolve("/thywill/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a condition holds, checking every 50 ms.
     *
     * @param what what is awaited, for the failure message
     * @param wait the longest wait
     * @param condition the condition
     */
    static void await(String what, Duration wait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + wait.toSeconds() + "s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }

    /** @return the base URI of a node */
    static URI uri(ThywillTestServer node) {
        return node.uri();
    }

    private static void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD);
             Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("These tests need a MySQL or MariaDB server at " + MYSQL_URL + " (set "
                    + "THYWILL_TEST_MYSQL_URL, _USER and _PASSWORD to use another): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
