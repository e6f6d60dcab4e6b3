package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestRpc;
import org.thywill.testing.ThywillTestServer;

/**
 * The admin console over the Push {@code redis}: wiring of an application and a component that only the
 * distribution puts together (so neither module's tests depend on the other).
 */
class AdminConsoleClusterTest {

    private static final String TOKEN = "correct-horse-battery-staple";
    private static final String REDIS = "redis://127.0.0.1:6379";

    @Test
    // "try": the second node only has to run, the console finds it through Redis
    @SuppressWarnings({"unchecked", "try"})
    void withThePushRedisTheConsoleListsTheNodesOfTheCluster() throws Exception {
        String prefix = "thywill-admin-test-" + System.nanoTime();
        try (ThywillTestServer one = clusterNode(prefix, "node-one").set("server", "admin", true)
                .set("server", "adminToken", TOKEN).start();
             ThywillTestServer two = clusterNode(prefix, "node-two").start();
             TestClient client = TestClient.connect(one, "admin", TestClient.Transport.WEBSOCKET)) {
            assertEquals(true, TestRpc.result(TestRpc.call(client, "admin", "login", "ada", TOKEN)).get("ok"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<Object> names;
            do {
                Thread.sleep(200);
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) TestRpc.result(
                        TestRpc.call(client, "admin", "snapshot")).get("nodes");
                names = nodes.stream().map(n -> n.get("node")).toList();
            } while (!names.containsAll(List.of("node-one", "node-two")) && System.nanoTime() < deadline);
            assertEquals(List.of("node-one", "node-two"), names, "this node first, then the other");
        } finally {
            deleteKeys(prefix);
        }
    }

    private static ThywillTestServer.Builder clusterNode(String prefix, String nodeId) {
        return ThywillTestServer.withApplications("echo")
                .set("push", "implementation", "redis")
                .set("push", "uri", REDIS)
                .set("push", "keyPrefix", prefix)
                .set("push", "nodeId", nodeId)
                .set("push", "heartbeatInterval", "250ms")
                .set("push", "nodeTimeout", "2s");
    }

    /** Leaves nothing of the test in the Redis other tests share. */
    private static void deleteKeys(String prefix) {
        RedisClient redis = RedisClient.create(REDIS);
        try (var connection = redis.connect()) {
            List<String> keys = connection.sync().keys(prefix + ":*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(new String[0]));
            }
        } finally {
            redis.shutdown();
        }
    }
}
