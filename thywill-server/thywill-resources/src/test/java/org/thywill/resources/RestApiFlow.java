package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.thywill.testing.TestClient;

/**
 * The whole REST API of the shop application, every status code it answers, and the changes a watching client
 * receives; run against H2, MySQL and PostgreSQL.
 */
final class RestApiFlow {

    private RestApiFlow() {
    }

    static void run(URI server) {
        Http http = new Http(server);
        try (ShopClient watcher = ShopClient.connect(server, TestClient.Transport.WEBSOCKET)) {
            schemaDescribesEveryResource(http);
            assertEquals(Map.of("channel", "resource.customers"), watcher.call("resources.watch", "customers",
                    null));

            Map<String, Object> ada = http.post("/api/shop/customers", Map.of("name", "Ada", "email",
                    "ada@example.com")).expect(201).map();
            Object adaId = ada.get("id");
            assertEquals(false, ada.get("vip"), "a default filled by the database");
            assertNotNull(ada.get("created_at"));
            assertEquals(Map.of("resource", "customers", "change", "created", "id", adaId, "row", ada),
                    watcher.change());

            Http.Answer located = http.post("/api/shop/customers", Map.of("name", "Bob", "email", "bob@example.com",
                    "born", "1990-05-17"));
            located.expect(201);
            assertEquals("/api/shop/customers/" + located.map().get("id"), located.location());
            assertEquals("1990-05-17", located.map().get("born"));
            watcher.change();

            badRequests(http, adaId);

            assertEquals("email", http.post("/api/shop/customers", Map.of("name", "Ada II", "email",
                    "ada@example.com")).expect(409).error().get("field"), "a unique column's value taken");
            assertEquals("email", http.patch("/api/shop/customers/" + located.map().get("id"),
                    Map.of("email", "ada@example.com")).expect(409).error().get("field"));

            assertEquals(ada, http.get("/api/shop/customers/" + adaId).expect(200).map());
            http.get("/api/shop/customers/999999").expect(404);
            http.get("/api/shop/customers/not-a-number").expect(404);
            http.get("/api/shop/nothing").expect(404);
            http.get("/api/no-such-application/customers").expect(404);
            http.raw("DELETE", "/api/shop/customers", "application/json", "").expect(405);

            Map<String, Object> changed = http.patch("/api/shop/customers/" + adaId, Map.of("vip", true,
                    "born", "1815-12-10")).expect(200).map();
            assertEquals(true, changed.get("vip"));
            assertEquals("Ada", changed.get("name"), "columns not given keep their values");
            assertEquals(Map.of("resource", "customers", "change", "updated", "id", adaId, "row", changed),
                    watcher.change());
            assertEquals("Ada Lovelace", http.put("/api/shop/customers/" + adaId, Map.of("name", "Ada Lovelace"))
                    .expect(200).map().get("name"));
            watcher.change();
            http.patch("/api/shop/customers/999999", Map.of("vip", true)).expect(404);

            listing(http, watcher);

            // Orders: read-only through REST (the default rule), written by the application's own code.
            http.post("/api/shop/orders", Map.of("customer_id", adaId, "amount", 3.5)).expect(403);
            assertEquals(Map.of("channel", "resource.orders"), watcher.call("resources.watch", "orders", null));
            @SuppressWarnings("unchecked")
            Map<String, Object> order = (Map<String, Object>) watcher.call("order", adaId, 12.25);
            assertEquals(12.25, ((Number) order.get("amount")).doubleValue());
            assertEquals(1L, order.get("quantity"));
            Map<String, Object> published = watcher.change();
            assertEquals("orders", published.get("resource"));
            assertEquals("created", published.get("change"));
            assertEquals(1L, http.get("/api/shop/orders?customer_id=" + adaId).expect(200).map().get("total"));

            // Nobody may read the ledger, nor watch it.
            assertEquals(403L, http.get("/api/shop/ledger").expect(403).error().get("status"));
            assertEquals(403L, ((Map<?, ?>) ((Map<?, ?>) watcher.call("resources.watch", "ledger", null))
                    .get("error")).get("status"));

            // Deleting customers is for administrators; one with orders cannot go.
            http.delete("/api/shop/customers/" + adaId).expect(403);
            http.delete("/api/shop/customers/" + adaId, ShopApplication.ADMIN_HEADER, "yes").expect(409);
            Object bobId = located.map().get("id");
            http.delete("/api/shop/customers/" + bobId, ShopApplication.ADMIN_HEADER, "yes").expect(204);
            assertEquals(Map.of("resource", "customers", "change", "deleted", "id", bobId), watcher.change());
            http.delete("/api/shop/customers/" + bobId, ShopApplication.ADMIN_HEADER, "yes").expect(404);
            http.get("/api/shop/customers/" + bobId).expect(404);
        }
    }

    @SuppressWarnings("unchecked")
    private static void schemaDescribesEveryResource(Http http) {
        List<Map<String, Object>> resources = (List<Map<String, Object>>) http.get("/api/shop/").expect(200).map()
                .get("resources");
        assertEquals(List.of("customers", "orders", "ledger", "samples"), resources.stream().map(r -> r.get("name")).toList());
        Map<String, Object> customers = resources.get(0);
        assertEquals("id", customers.get("primaryKey"));
        assertEquals("/api/shop/customers", customers.get("url"));
        Map<String, Map<String, Object>> columns = new java.util.HashMap<>();
        ((List<Map<String, Object>>) customers.get("columns")).forEach(c -> columns.put((String) c.get("name"), c));
        assertEquals("integer", columns.get("id").get("type"));
        assertEquals(true, columns.get("id").get("generated"));
        assertEquals("string", columns.get("name").get("type"));
        assertEquals(40L, columns.get("name").get("maxLength"));
        assertEquals(true, columns.get("name").get("required"));
        assertEquals("boolean", columns.get("vip").get("type"));
        assertEquals(false, columns.get("vip").get("required"), "it has a default");
        assertEquals("date", columns.get("born").get("type"));
        assertEquals("timestamp", columns.get("created_at").get("type"));
        http.get("/api/shop").expect(200);
    }

    private static void badRequests(Http http, Object adaId) {
        String customers = "/api/shop/customers";
        assertEquals("name", http.post(customers, Map.of("email", "x@example.com")).expect(400).error().get("field"),
                "a required column missing");
        assertEquals("vip", http.post(customers, Map.of("name", "X", "email", "x@example.com", "vip", "yes"))
                .expect(400).error().get("field"), "a boolean column given a string");
        assertEquals("name", http.post(customers, Map.of("name", 42, "email", "x@example.com")).expect(400).error()
                .get("field"), "a text column given a number");
        assertEquals("name", http.post(customers, Map.of("name", "x".repeat(41), "email", "x@example.com"))
                .expect(400).error().get("field"), "longer than VARCHAR(40)");
        assertEquals("born", http.post(customers, Map.of("name", "X", "email", "x@example.com", "born", "May 17"))
                .expect(400).error().get("field"), "not a date");
        assertEquals("colour", http.post(customers, Map.of("name", "X", "email", "x@example.com", "colour", "red"))
                .expect(400).error().get("field"), "no such column");
        assertEquals("id", http.post(customers, Map.of("id", 7, "name", "X", "email", "x@example.com")).expect(400)
                .error().get("field"), "a generated key");
        java.util.Map<String, Object> nullName = new java.util.HashMap<>();
        nullName.put("name", null);
        assertEquals("name", http.patch(customers + "/" + adaId, nullName).expect(400).error().get("field"),
                "null for a NOT NULL column");
        assertEquals("id", http.patch(customers + "/" + adaId, Map.of("id", 5)).expect(400).error().get("field"));
        http.raw("POST", customers, "application/json", "{\"name\": ").expect(400);
        http.raw("POST", customers, "application/json", "[1, 2]").expect(400);
        http.raw("POST", customers, "text/plain", "{\"name\": \"X\", \"email\": \"x@example.com\"}").expect(415);
        assertEquals("bogus", http.get(customers + "?bogus=1").expect(400).error().get("field"));
        assertEquals("limit", http.get(customers + "?limit=0").expect(400).error().get("field"));
        assertEquals("sort", http.get(customers + "?sort=colour").expect(400).error().get("field"));
        assertEquals("vip", http.get(customers + "?vip=maybe").expect(400).error().get("field"));
    }

    @SuppressWarnings("unchecked")
    private static void listing(Http http, ShopClient watcher) {
        for (String name : List.of("Carol", "Dan", "Eve")) {
            http.post("/api/shop/customers", Map.of("name", name, "email", name.toLowerCase() + "@example.com",
                    "vip", name.equals("Eve"))).expect(201);
            watcher.change();
        }
        Map<String, Object> page = http.get("/api/shop/customers?sort=-name&limit=2").expect(200).map();
        assertEquals(5L, page.get("total"));
        assertEquals(2L, page.get("limit"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertEquals(List.of("Eve", "Dan"), items.stream().map(r -> r.get("name")).toList());
        Map<String, Object> next = http.get("/api/shop/customers?sort=-name&limit=2&offset=2").expect(200).map();
        assertEquals(List.of("Carol", "Bob"), ((List<Map<String, Object>>) next.get("items")).stream()
                .map(r -> r.get("name")).toList());
        Map<String, Object> vips = http.get("/api/shop/customers?vip=true&sort=name").expect(200).map();
        assertEquals(List.of("Ada Lovelace", "Eve"), ((List<Map<String, Object>>) vips.get("items")).stream()
                .map(r -> r.get("name")).toList());
        assertEquals(0L, http.get("/api/shop/customers?born=null&name=Ada%20Lovelace").expect(200).map()
                .get("total"));
    }
}
