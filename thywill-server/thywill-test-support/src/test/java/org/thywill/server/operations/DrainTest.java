package org.thywill.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.api.client.ClientInterface;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * The first step of a graceful shutdown: the server refuses new connections and tells the connected clients to
 * handshake again (elsewhere, in a cluster) rather than to stop, and applications hear their connections end.
 */
class DrainTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void connectedClientsAreToldToHandshakeAgainAndNewOnesAreRefused(Transport transport) throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            HttpClient http = new HttpClient();
            http.start();
            WebSocketContainer container = ContainerProvider.getWebSocketContainer();
            BayeuxClient client = new BayeuxClient(server.cometdUrl(), transport == Transport.LONG_POLLING
                    ? new JettyHttpClientTransport(new HashMap<>(), http)
                    : new WebSocketTransport(new HashMap<>(), null, container));
            BlockingQueue<Message> connects = new LinkedBlockingQueue<>();
            BlockingQueue<Message> handshakes = new LinkedBlockingQueue<>();
            client.getChannel(ClientSessionChannel.META_CONNECT).addListener(
                    (ClientSessionChannel.MessageListener) (channel, message) -> connects.add(message));
            client.getChannel(ClientSessionChannel.META_HANDSHAKE).addListener(
                    (ClientSessionChannel.MessageListener) (channel, message) -> handshakes.add(message));
            try {
                client.handshake(Map.of(Message.EXT_FIELD, Map.of("thywill", Map.of("application", "probe"))));
                assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
                assertTrue(handshakes.take().isSuccessful());
                connects.clear();

                server.thywill().component(ClientInterface.class).drain();

                Message told = null;
                for (Message m; told == null && (m = connects.poll(20, TimeUnit.SECONDS)) != null; ) {
                    if (!m.isSuccessful()) {
                        told = m;
                    }
                }
                assertTrue(told != null, "the waiting /meta/connect was answered: " + connects);
                assertEquals(Message.RECONNECT_HANDSHAKE_VALUE, told.getAdvice().get(Message.RECONNECT_FIELD),
                        "told to handshake again, not to stop: " + told);
                // It does, and is refused with the advice to keep trying: it is neither connected nor gone.
                Message refused = handshakes.poll(20, TimeUnit.SECONDS);
                assertTrue(refused != null && !refused.isSuccessful(), "its new handshake is refused: " + refused);
                assertTrue(!client.isDisconnected(), "it keeps trying, to reach another node or this one again");

                assertThrows(IllegalStateException.class,
                        () -> TestClient.connect(server, "probe", Transport.LONG_POLLING), "no new connection");
                Scrape.until(server.uri(), v -> v >= 2, "thywill_handshakes_refused_total", "reason",
                        "draining");
                // Connection listeners (the applications) heard it end, for the reason SERVER.
                Scrape.until(server.uri(), v -> v >= 1, "thywill_disconnects_total", "reason", "server");
            } finally {
                client.abort();
                http.stop();
                LifeCycle.stop(container);
            }
        }
    }
}
