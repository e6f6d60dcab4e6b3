package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * The REST API and its live changes, on each database. The shop's tables come from its migrations, db/shop and, on
 * PostgreSQL, db/shop-postgresql.
 */
class RestApiTest extends OnEachDatabase {

    @Test
    @Timeout(120)
    void aValueOutsideItsColumnsRangeIsRefusedNamingTheFieldAndTheRange() {
        onServer("shop", ValueRangeFlow::run);
    }

    @Test
    @Timeout(180)
    void everyOperationAnswersItsStatusAndEveryChangeReachesTheWatcher() {
        onServer("shop", RestApiFlow::run);
    }

    @Test
    @Timeout(120)
    void theRuleDecidesPerOperationAndCaller() {
        try (ThywillTestServer server = server("shop").start()) {
            Http http = new Http(server.uri());
            Object id = http.post("/api/shop/customers", Map.of("name", "Fay", "email", "fay@example.com"))
                    .expect(201).map().get("id");
            Map<String, Object> refused = http.delete("/api/shop/customers/" + id).expect(403).error();
            assertTrue(String.valueOf(refused.get("message")).contains("delete"), refused::toString);
            http.delete("/api/shop/customers/" + id, ShopApplication.ADMIN_HEADER, "no").expect(403);
            http.get("/api/shop/customers/" + id).expect(200);
            http.delete("/api/shop/customers/" + id, ShopApplication.ADMIN_HEADER, "yes").expect(204);
            // The default rule: reads allowed, every write refused.
            http.get("/api/shop/orders").expect(200);
            http.post("/api/shop/orders", Map.of("customer_id", 1, "amount", 1)).expect(403);
            http.patch("/api/shop/orders/1", Map.of("amount", 2)).expect(403);
            http.delete("/api/shop/orders/1").expect(403);
        }
    }

    @Test
    @Timeout(120)
    void aWatchedRowReceivesItsOwnChangesOnly() {
        try (ThywillTestServer server = server("shop").start();
             ShopClient watcher = ShopClient.connect(server, TestClient.Transport.LONG_POLLING)) {
            Http http = new Http(server.uri());
            Object first = http.post("/api/shop/customers", Map.of("name", "Gus", "email", "gus@example.com"))
                    .expect(201).map().get("id");
            Object second = http.post("/api/shop/customers", Map.of("name", "Hal", "email", "hal@example.com"))
                    .expect(201).map().get("id");
            assertEquals(Map.of("channel", "resource.customers." + second),
                    watcher.call("resources.watch", "customers", second));
            http.patch("/api/shop/customers/" + first, Map.of("vip", true)).expect(200);
            http.patch("/api/shop/customers/" + second, Map.of("name", "Hal 2")).expect(200);
            Map<String, Object> change = watcher.change();
            assertEquals(second, change.get("id"), "the other row's change is not sent");
            assertEquals("Hal 2", ((Map<?, ?>) change.get("row")).get("name"));
            assertTrue(watcher.next(Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    @Timeout(120)
    void theGeneratedPageOfAResourceThatDoesNotExistIsA404() {
        try (ThywillTestServer server = server("shop").start()) {
            Http http = new Http(server.uri());
            assertEquals(404, http.get("/thywill/init/shop/resources/nothing").status());
            assertEquals(200, http.get("/thywill/init/shop/resources/customers").status());
            assertEquals(200, http.get("/thywill/init/shop/resources/").status());
        }
    }
}
