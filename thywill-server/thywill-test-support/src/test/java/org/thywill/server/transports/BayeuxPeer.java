package org.thywill.server.transports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Message;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.TestRpc;
import org.thywill.testing.ThywillTestServer;

/** A {@link Peer} over Bayeux (CometD over WebSocket), as the browser library is. */
record BayeuxPeer(ThywillTestServer server, String application, TestClient client) implements Peer {

    static Peer connect(ThywillTestServer server, String application) {
        return new BayeuxPeer(server, application, TestClient.connect(server, application, Transport.WEBSOCKET));
    }

    @Override
    public boolean send(Object data) {
        return client.send(data).isSuccessful();
    }

    @Override
    public Optional<String> sendTo(String to, Map<String, Object> envelope) {
        Message reply = client.publish("/service/thywill/" + to, envelope);
        if (reply.isSuccessful()) {
            return Optional.empty();
        }
        Map<String, Object> ext = reply.getExt();
        Object thywill = ext == null ? null : ext.get("thywill");
        return Optional.of(String.valueOf(thywill instanceof Map<?, ?> t && t.get("error") instanceof Map<?, ?> e
                ? e.get("code") : reply.get(Message.ERROR_FIELD)));
    }

    @Override
    public Map<String, Object> call(String to, String name, List<Object> args) {
        return TestRpc.call(client, to, name, args.toArray());
    }

    @Override
    public String sendMalformed() {
        client.publish("/service/thywill/" + application, "not an envelope");
        Object error = client.next().envelope().get("error");
        return String.valueOf(((Map<?, ?>) error).get("code"));
    }

    @Override
    public Optional<TestClient.Delivery> next(Duration wait) {
        return client.next(wait);
    }

    @Override
    public String session() {
        return client.sessionCookie().getValue();
    }

    @Override
    public Peer sameSession() {
        return new BayeuxPeer(server, application, TestClient.connect(server.uri(), application, Transport.WEBSOCKET,
                client.sessionCookie()));
    }

    @Override
    public void cut() {
        client.drop();
    }

    @Override
    public Peer reconnect() {
        return new BayeuxPeer(server, application, client.reconnect(Transport.WEBSOCKET));
    }

    @Override
    public void close() {
        client.close();
    }
}
