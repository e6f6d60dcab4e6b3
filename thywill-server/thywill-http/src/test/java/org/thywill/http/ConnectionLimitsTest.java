package org.thywill.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.api.metrics.Metrics;

/** The caps count admitted connections until they are released, per address and in all. */
class ConnectionLimitsTest {

    @Test
    void refusesTheAddressOverItsCapUntilOneOfItsConnectionsIsReleased() {
        ConnectionLimits limits = new ConnectionLimits(0, 2, new ClientMetrics(Metrics.none()));
        assertTrue(limits.admit("10.0.0.1").isEmpty());
        assertTrue(limits.admit("10.0.0.1").isEmpty());
        ConnectionLimits.Refusal refusal = limits.admit("10.0.0.1").orElseThrow();
        assertEquals("maxConnectionsPerAddress", refusal.limit());
        assertEquals(429, refusal.status());
        assertEquals(ConnectionLimits.CODE, refusal.error().get("code"));
        assertTrue(limits.admit("10.0.0.2").isEmpty(), "another address has its own count");
        limits.release("10.0.0.1");
        assertTrue(limits.admit("10.0.0.1").isEmpty());
    }

    @Test
    void refusesOverTheServersCapWhateverTheAddress() {
        ConnectionLimits limits = new ConnectionLimits(2, 0, new ClientMetrics(Metrics.none()));
        assertTrue(limits.admit("10.0.0.1").isEmpty());
        assertTrue(limits.admit("10.0.0.2").isEmpty());
        ConnectionLimits.Refusal refusal = limits.admit("10.0.0.3").orElseThrow();
        assertEquals(Map.of("code", ConnectionLimits.CODE, "limit", "maxConnections", "message", refusal.message()),
                refusal.error());
        assertEquals(503, refusal.status());
        limits.release("10.0.0.2");
        assertTrue(limits.admit("10.0.0.3").isEmpty());
    }

    @Test
    void countsAConnectionByItsIpAddress() {
        assertEquals("127.0.0.1", ConnectionLimits.address(new InetSocketAddress("127.0.0.1", 4242)));
        assertEquals("unknown", ConnectionLimits.address(null));
    }
}
