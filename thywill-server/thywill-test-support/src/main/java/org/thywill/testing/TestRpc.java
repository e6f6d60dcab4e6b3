package org.thywill.testing;

import java.util.Arrays;
import java.util.Map;

/**
 * Remote calls from a {@link TestClient}, as a page makes them (documentation/protocol.md, "RPC"): send an
 * {@code rpc} envelope and wait for the answer carrying its id, skipping other deliveries.
 */
public final class TestRpc {

    private TestRpc() {
    }

    /**
     * @param client a connected client
     * @param applicationId the application called
     * @param name the function's name
     * @param args its arguments
     * @return the answer's envelope: {@code rpc-result} or {@code rpc-error}
     * @throws AssertionError when the server refuses the envelope
     */
    public static Map<String, Object> call(TestClient client, String applicationId, String name, Object... args) {
        String id = name + System.nanoTime();
        if (!client.publish("/service/thywill/" + applicationId, Map.of("type", "rpc", "id", id, "name", name,
                "args", Arrays.asList(args))).isSuccessful()) {
            throw new AssertionError("the server refused the call of " + name);
        }
        while (true) {
            TestClient.Delivery d = client.next();
            if (id.equals(d.envelope().get("id"))) {
                return d.envelope();
            }
        }
    }

    /**
     * @param answer from {@link #call}
     * @return its result, an object
     * @throws AssertionError when the answer is not a result
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> result(Map<String, Object> answer) {
        if (!"rpc-result".equals(answer.get("type"))) {
            throw new AssertionError("expected a result, not " + answer);
        }
        return (Map<String, Object>) answer.get("result");
    }
}
