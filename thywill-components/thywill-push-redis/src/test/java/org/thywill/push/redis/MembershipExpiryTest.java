package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * The channel memberships the Push {@code redis} keeps in Redis end with their session: nothing stays in Redis for
 * a session idle for the Database's {@code sessionLifetime}, which the Database has expired and deleted.
 */
class MembershipExpiryTest {

    @Test
    void theMembershipsOfASessionIdleForItsLifetimeLeaveRedisAndAConnectedOnesStay() {
        try (TestCluster cluster = new TestCluster(ClusterProbeApplication.ID, false, "200ms")
                .sessionLifetime("2s")) {
            ThywillTestServer node = cluster.start("n1");
            RedisClient redis = RedisClient.create(TestCluster.REDIS);
            try (StatefulRedisConnection<String, String> connection = redis.connect();
                 TestClient stays = TestClient.connect(node, ClusterProbeApplication.ID, Transport.WEBSOCKET)) {
                RedisCommands<String, String> keys = connection.sync();
                String prefix = cluster.prefix() + ":";
                String app = ClusterProbeApplication.ID;
                String idle;
                try (TestClient leaves = TestClient.connect(node, app, Transport.WEBSOCKET)) {
                    Deliveries.join(leaves);
                    idle = leaves.sessionCookie().getValue();
                }
                Deliveries.join(stays);
                String connected = stays.sessionCookie().getValue();
                assertTrue(keys.sismember(prefix + "members:" + app + ":room", idle));
                assertEquals(1L, keys.exists(prefix + "channels:" + app + ":" + idle));

                TestCluster.await("the idle session's keys are gone", Duration.ofSeconds(15),
                        () -> !keys.sismember(prefix + "members:" + app + ":room", idle)
                                && keys.exists(prefix + "channels:" + app + ":" + idle,
                                prefix + "apps:" + idle) == 0
                                && keys.zscore(prefix + "activity", idle) == null);

                assertTrue(keys.sismember(prefix + "members:" + app + ":room", connected),
                        "a session connected all along keeps its membership");
                assertEquals(1L, keys.exists(prefix + "channels:" + app + ":" + connected));
            } finally {
                redis.shutdown();
            }
        }
    }
}
