package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;
import org.thywill.api.ThywillException;
import org.thywill.testing.ThywillTestServer;

/** The push section for redis: defaults, validation with messages that say what to change, and start-up. */
class RedisPushSettingsTest {

    @Test
    void defaultsFillWhatIsLeftOut() {
        RedisPushSettings settings = new RedisPushSettings(null, null, null, null, null, null, null, null);
        assertEquals("redis://127.0.0.1:6379", settings.uri());
        assertEquals("", settings.password());
        assertFalse(settings.tls());
        assertEquals("thywill", settings.keyPrefix());
        assertTrue(settings.nodeId().startsWith("node-"));
        assertNotEquals(settings.nodeId(), new RedisPushSettings(null, null, null, null, null, null, null, null)
                .nodeId(), "each node gets an id of its own");
        assertEquals(Duration.ofSeconds(1), settings.heartbeatInterval());
        assertEquals(Duration.ofSeconds(5), settings.nodeTimeout());
        assertEquals(Duration.ofSeconds(5), settings.presenceGrace());
    }

    @Test
    void anAddressIsReadWithItsDatabaseAndTlsFromTheScheme() {
        RedisPushSettings settings = new RedisPushSettings("rediss://cache.internal/3", "secret", null, null,
                "n1", null, null, null);
        assertTrue(settings.tls());
        assertEquals("cache.internal", settings.host());
        assertEquals(6379, settings.port());
        assertEquals(3, settings.database());
        assertEquals("rediss://cache.internal:6379/3", settings.address());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertKey("uri", () -> settings("http://localhost:6379", "thywill", "n1", "1s", "5s", "5s"));
        assertKey("uri", () -> settings("redis://:pw@localhost:6379", "thywill", "n1", "1s", "5s", "5s"));
        assertKey("keyPrefix", () -> settings(null, "has space", "n1", "1s", "5s", "5s"));
        assertKey("nodeId", () -> settings(null, "thywill", "n/1", "1s", "5s", "5s"));
        assertKey("heartbeatInterval", () -> settings(null, "thywill", "n1", "10ms", "5s", "5s"));
        assertKey("nodeTimeout", () -> settings(null, "thywill", "n1", "1s", "1500ms", "5s"));
        assertKey("presenceGrace", () -> settings(null, "thywill", "n1", "1s", "5s", "-1s"));
    }

    @Test
    void startUpFailsSayingWhichRedisToCheckWhenItCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String uri = "redis://127.0.0.1:" + closedPort;
        ThywillException e = assertThrows(ThywillException.class, () -> ThywillTestServer.withApplications(
                ClusterProbeApplication.ID).set("push", "implementation", "redis").set("push", "uri", uri).start()
                .close());
        assertTrue(e.getMessage().contains("Cannot reach Redis at " + uri), e.getMessage());
    }

    private static void assertKey(String key, Runnable creation) {
        SettingsException e = assertThrows(SettingsException.class, creation::run);
        assertEquals(key, e.key(), e.getMessage());
    }

    private static RedisPushSettings settings(String uri, String prefix, String node, String beat, String timeout,
                                              String grace) {
        return new RedisPushSettings(uri, null, null, prefix, node, parse(beat), parse(timeout), parse(grace));
    }

    private static Duration parse(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.replace("ms", "")))
                : Duration.ofSeconds(Long.parseLong(text.replace("s", "")));
    }
}
