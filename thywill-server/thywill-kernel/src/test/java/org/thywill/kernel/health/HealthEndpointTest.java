package org.thywill.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thywill.api.Component;
import org.thywill.api.Health;
import org.thywill.api.Slot;
import org.thywill.api.http.HttpRequest;
import org.thywill.kernel.components.ChosenComponent;

/** The public health report says up or down; only a request from this machine reads the details. */
class HealthEndpointTest {

    private static final String SECRET = "jdbc:mysql://db.internal:3306/thywill, file /srv/thywill/data";

    private static String report(String remoteAddress) {
        Component database = new Component() {
            @Override
            public Health health() {
                return Health.up(SECRET);
            }
        };
        HealthEndpoint endpoint = new HealthEndpoint(
                () -> Map.of(Slot.DATABASE, new ChosenComponent(Slot.DATABASE, "h2", database)), () -> false);
        var response = endpoint.handle(new HttpRequest("GET", "/thywill/health", Map.of(), Map.of(), new byte[0],
                remoteAddress, Optional.empty()));
        assertEquals(200, response.status());
        assertEquals("no-store", response.headers().get("Cache-Control"));
        // The value tree the server encodes as JSON when it writes the answer.
        return String.valueOf(response.json().value());
    }

    @Test
    void aRemoteRequestSeesEachComponentsStatusButNoDetail() {
        for (String remote : new String[] {"203.0.113.7", "10.0.0.2", "2001:db8::1", "", "not an address"}) {
            String body = report(remote);
            assertFalse(body.contains("jdbc") || body.contains("/srv") || body.contains("detail"), remote + ": " + body);
            assertTrue(body.contains("database={implementation=h2, status=up}"), body);
        }
    }

    @Test
    void aRequestFromThisMachineSeesTheDetails() {
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1"}) {
            assertTrue(report(loopback).contains(SECRET), loopback);
        }
    }
}
