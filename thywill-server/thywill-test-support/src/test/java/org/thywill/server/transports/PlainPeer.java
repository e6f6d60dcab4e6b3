package org.thywill.server.transports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.testing.PlainWebSocketClient;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** A {@link Peer} over the plain-WebSocket protocol, as a device or a command-line tool is. */
record PlainPeer(ThywillTestServer server, String application, PlainWebSocketClient client) implements Peer {

    static Peer connect(ThywillTestServer server, String application) {
        return new PlainPeer(server, application, PlainWebSocketClient.connect(server, application));
    }

    @Override
    public boolean send(Object data) {
        return "accepted".equals(client.send(data).get("op"));
    }

    @Override
    public Optional<String> sendTo(String to, Map<String, Object> envelope) {
        Map<String, Object> answer = client.send(to, envelope);
        return "accepted".equals(answer.get("op")) ? Optional.empty()
                : Optional.of(String.valueOf(((Map<?, ?>) answer.get("error")).get("code")));
    }

    @Override
    public Map<String, Object> call(String to, String name, List<Object> args) {
        String id = name + System.nanoTime();
        client.send(to, RpcEnvelopes.call(id, name, args));
        while (true) {
            TestClient.Delivery d = client.next();
            if (id.equals(d.envelope().get("id"))) {
                return d.envelope();
            }
        }
    }

    @Override
    public String sendMalformed() {
        client.sendRaw("{\"op\": \"send\", \"data\": ");
        Map<String, Object> frame = client.nextFrame();
        return String.valueOf(((Map<?, ?>) frame.get("error")).get("code"));
    }

    @Override
    public Optional<TestClient.Delivery> next(Duration wait) {
        return client.next(wait);
    }

    @Override
    public String session() {
        return client.sessionId();
    }

    @Override
    public Peer sameSession() {
        return new PlainPeer(server, application, PlainWebSocketClient.connect(server.plainWebSocketUri(),
                application, true, Map.of("session", client.sessionId())));
    }

    @Override
    public void cut() {
        client.cut();
    }

    @Override
    public Peer reconnect() {
        return new PlainPeer(server, application, client.reconnect());
    }

    @Override
    public void close() {
        client.close();
    }
}
