package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * A page of the shop application as a CometD client: calls its functions, and takes the changes it is sent in
 * order, keeping those that arrive while it waits for a call's answer.
 */
final class ShopClient implements AutoCloseable {

    private final TestClient client;
    private final Deque<TestClient.Delivery> kept = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    private ShopClient(TestClient client) {
        this.client = client;
    }

    static ShopClient connect(java.net.URI server, TestClient.Transport transport) {
        return new ShopClient(TestClient.connect(server, "shop", transport, TestClient.newSession(server, "shop")));
    }

    static ShopClient connect(ThywillTestServer server, TestClient.Transport transport) {
        return connect(server.uri(), transport);
    }

    /** Calls a function of the shop application and returns its result. */
    Object call(String name, Object... args) {
        String id = String.valueOf(calls.incrementAndGet());
        client.publish("/service/thywill/shop", Map.of("type", "rpc", "id", id, "name", name,
                "args", Arrays.asList(args)));
        while (true) {
            TestClient.Delivery d = client.next();
            if ("rpc-result".equals(d.type()) && id.equals(String.valueOf(d.envelope().get("id")))) {
                return d.envelope().get("result");
            }
            if ("rpc-error".equals(d.type())) {
                throw new AssertionError("The call " + name + " failed: " + d);
            }
            kept.add(d);
        }
    }

    /** @return the next change on a resource channel; fails the test if none comes within 10 s */
    @SuppressWarnings("unchecked")
    Map<String, Object> change() {
        TestClient.Delivery d = kept.isEmpty() ? client.next() : kept.poll();
        assertTrue(d.channel().contains("/channel/resource."), () -> "a change on a resource channel, not " + d);
        return (Map<String, Object>) d.data();
    }

    /** @return a delivery that came within the wait, if any */
    Optional<TestClient.Delivery> next(Duration wait) {
        return kept.isEmpty() ? client.next(wait) : Optional.of(kept.poll());
    }

    @Override
    public void close() {
        client.close();
    }
}
