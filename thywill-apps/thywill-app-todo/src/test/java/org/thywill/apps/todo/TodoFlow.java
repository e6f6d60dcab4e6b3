package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;

/** The todo list's protocol as clients see it, shared by the tests of each database. */
final class TodoFlow {

    /** Where a connection's own messages arrive. */
    static final String DIRECT = "/thywill/todo";
    /** Where the changes every page sees arrive. */
    static final String LIST = "/thywill/todo/channel/list";

    private static final Duration QUIET = Duration.ofSeconds(1);

    private TodoFlow() {
    }

    /**
     * Two pages add and remove and both see every change; a page that opens afterwards is sent what remains.
     *
     * @param server the base address of a server running the todo application
     * @param before the items the list holds at first
     * @return the items the list holds at the end
     */
    static List<Map<String, Object>> addRemoveAndLateComer(URI server, List<Map<String, Object>> before) {
        List<Map<String, Object>> after = new ArrayList<>(before);
        try (TestClient a = connect(server, Transport.WEBSOCKET, before);
             TestClient b = connect(server, Transport.LONG_POLLING, before)) {
            a.send(Map.of("add", "  Buy milk \n"));
            Map<String, Object> milk = added(a);
            assertEquals("Buy milk", milk.get("text"));
            assertEquals(milk, added(b), "Both pages see the same item with the same id");

            b.send(Map.of("add", "Walk the dog"));
            Map<String, Object> dog = added(b);
            assertEquals(Map.of("id", dog.get("id"), "text", "Walk the dog"), added(a));
            assertTrue((Long) dog.get("id") > (Long) milk.get("id"), "Ids grow: " + milk + ", then " + dog);

            b.send(Map.of("remove", milk.get("id")));
            assertEquals(Map.of("removed", milk.get("id")), next(a, LIST));
            assertEquals(Map.of("removed", milk.get("id")), next(b, LIST));
            assertNothingMore(a);
            assertNothingMore(b);
            after.add(dog);
        }
        try (TestClient c = connect(server, Transport.WEBSOCKET, after)) {
            assertNothingMore(c);
        }
        return after;
    }

    /**
     * Connects a page, as a browser of its own, and checks the list it is sent first.
     *
     * @param server the server's base address
     * @param items the items it must be sent, in order
     */
    static TestClient connect(URI server, Transport transport, List<Map<String, Object>> items) {
        TestClient client = TestClient.connect(server, "todo", transport, TestClient.newSession(server, "todo"));
        assertEquals(Map.of("items", items), next(client, DIRECT), "The list a new page is sent");
        return client;
    }

    /** @return the item of the next {@code added}, which must arrive on the list channel */
    @SuppressWarnings("unchecked")
    static Map<String, Object> added(TestClient client) {
        Map<?, ?> data = assertInstanceOf(Map.class, next(client, LIST));
        assertEquals(List.of("added"), List.copyOf(data.keySet()), () -> "Not an 'added': " + data);
        Map<String, Object> item = assertInstanceOf(Map.class, data.get("added"));
        assertInstanceOf(Long.class, item.get("id"), () -> "No numeric id in " + item);
        return item;
    }

    /** @return the data of the next message, which must arrive on {@code channel} */
    static Object next(TestClient client, String channel) {
        TestClient.Delivery delivery = client.next();
        assertEquals(channel, delivery.channel(), () -> "Delivered on the wrong channel: " + delivery);
        assertEquals("message", delivery.type(), () -> "Not a message: " + delivery);
        return delivery.data();
    }

    static void assertNothingMore(TestClient client) {
        Optional<TestClient.Delivery> extra = client.next(QUIET);
        assertTrue(extra.isEmpty(), () -> "Expected nothing more, but got " + extra.get());
    }
}
