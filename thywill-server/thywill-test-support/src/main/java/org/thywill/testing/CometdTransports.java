package org.thywill.testing;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * A {@link BayeuxClient} to a Thywill server over either transport, with what it runs on (a Jetty HTTP client and,
 * for WebSocket, a container) to stop afterwards.
 *
 * @param http the HTTP client, started
 * @param container the WebSocket container, or null for long-polling
 * @param bayeux the client, not yet handshaken
 */
public record CometdTransports(HttpClient http, WebSocketContainer container, BayeuxClient bayeux) {

    /**
     * @param server the server's base URI
     * @param transport the transport
     * @return a client on that transport
     */
    public static CometdTransports open(URI server, TestClient.Transport transport) {
        HttpClient http = new HttpClient();
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // Lists for JSON arrays on both transports, as the server's applications see them.
        Map<String, Object> options = new HashMap<>(Map.of(ClientTransport.JSON_CONTEXT_OPTION,
                new ListArraysClientJson()));
        WebSocketContainer container = null;
        ClientTransport chosen;
        if (transport == TestClient.Transport.WEBSOCKET) {
            container = ContainerProvider.getWebSocketContainer();
            chosen = new WebSocketTransport(options, null, container);
        } else {
            chosen = new JettyHttpClientTransport(options, http);
        }
        return new CometdTransports(http, container, new BayeuxClient(server.resolve("/thywill/cometd").toString(),
                chosen));
    }

    /**
     * Handshakes and waits until connected.
     *
     * @param ext the handshake's {@code ext}
     * @param wait how long to wait for each
     * @throws IllegalStateException if the server refuses or does not answer in time
     */
    void handshake(Map<String, Object> ext, Duration wait) {
        CompletableFuture<Message> handshake = new CompletableFuture<>();
        bayeux.handshake(Map.of(Message.EXT_FIELD, ext), handshake::complete);
        Message reply;
        try {
            reply = handshake.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Handshake failed", e);
        }
        if (!reply.isSuccessful()) {
            throw new IllegalStateException("Handshake refused: " + reply);
        }
        if (!bayeux.waitFor(wait.toMillis(), BayeuxClient.State.CONNECTED)) {
            throw new IllegalStateException("Not connected within " + wait);
        }
    }

    /** Stops the HTTP client and the WebSocket container. */
    public void stop() {
        LifeCycle.stop(http);
        LifeCycle.stop(container);
    }
}
