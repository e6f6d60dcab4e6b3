package org.thywill.server.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.eclipse.jetty.http.HttpCookie;
import org.thywill.api.push.Envelopes;
import org.thywill.testing.CometdTransports;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * A plain CometD client over a real socket that presents a token at its handshake, as thywill-auth.js does, and
 * can refresh it: the handshake's reply is kept whether it succeeded or not.
 */
final class AuthClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final CometdTransports transports;
    private final BayeuxClient bayeux;
    private final Message handshake;
    private final BlockingQueue<Map<String, Object>> answers;
    private final BlockingQueue<Map<String, Object>> expired;

    private AuthClient(CometdTransports transports, Message handshake, BlockingQueue<Map<String, Object>> answers,
                       BlockingQueue<Map<String, Object>> expired) {
        this.transports = transports;
        this.bayeux = transports.bayeux();
        this.handshake = handshake;
        this.answers = answers;
        this.expired = expired;
    }

    /**
     * Handshakes for {@link WhoAmIApplication}.
     *
     * @param server the server
     * @param token the token to present, or null for none
     * @param cookies more cookies to send, such as the host application's own login cookie
     * @param transport the transport
     * @return the client, connected or refused (see {@link #handshake()})
     */
    static AuthClient connect(ThywillTestServer server, String token, Map<String, String> cookies,
                              TestClient.Transport transport) {
        CometdTransports transports = CometdTransports.open(server.uri(), transport);
        BayeuxClient bayeux = transports.bayeux();
        bayeux.putCookie(TestClient.newSession(server.uri(), WhoAmIApplication.ID));
        cookies.forEach((name, value) -> bayeux.putCookie(HttpCookie.from(name, value)));
        Map<String, Object> thywill = new HashMap<>(Map.of("application", WhoAmIApplication.ID));
        if (token != null) {
            thywill.put("token", token);
        }
        CompletableFuture<Message> reply = new CompletableFuture<>();
        BlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> expired = new LinkedBlockingQueue<>();
        bayeux.getChannel("/thywill/" + WhoAmIApplication.ID).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> answers.add(message.getDataAsMap()));
        bayeux.getChannel("/service/thywill/auth/expired").addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> expired.add(message.getDataAsMap()));
        bayeux.handshake(Map.of(Message.EXT_FIELD, Map.of("thywill", thywill)), reply::complete);
        Message answer = await(reply);
        AuthClient client = new AuthClient(transports, answer, answers, expired);
        if (answer.isSuccessful() && !bayeux.waitFor(WAIT.toMillis(), BayeuxClient.State.CONNECTED)) {
            client.close();
            throw new IllegalStateException("Not connected within " + WAIT);
        }
        return client;
    }

    static AuthClient connect(ThywillTestServer server, String token) {
        return connect(server, token, Map.of(), TestClient.Transport.LONG_POLLING);
    }

    private static Message await(CompletableFuture<Message> reply) {
        try {
            return reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No reply within " + WAIT, e);
        }
    }

    /** @return the server's reply to the handshake */
    Message handshake() {
        return handshake;
    }

    /** @return the handshake's {@code ext.thywill}, or an empty map */
    Map<?, ?> handshakeExt() {
        return handshake.getExt() != null && handshake.getExt().get("thywill") instanceof Map<?, ?> m ? m : Map.of();
    }

    /** @return what {@link WhoAmIApplication} says of this connection */
    Map<String, Object> whoAmI() {
        return ask(Map.of());
    }

    /**
     * @param data what to send {@link WhoAmIApplication}
     * @return the data of its next message to this connection
     */
    Map<String, Object> ask(Map<String, Object> data) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        bayeux.getChannel("/service/thywill/" + WhoAmIApplication.ID).publish(
                Envelopes.message(data), reply::complete);
        if (!await(reply).isSuccessful()) {
            throw new AssertionError("The message was refused: " + reply.join());
        }
        return next();
    }

    /** @return the data of {@link WhoAmIApplication}'s next message to this connection, waiting for it */
    Map<String, Object> next() {
        try {
            Map<String, Object> answer = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new AssertionError("No answer within " + WAIT);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) answer.get("data");
            return data;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * @param token the new token
     * @return the server's reply to the refresh
     */
    Message refresh(String token) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        bayeux.getChannel("/service/thywill/auth/refresh").publish(Map.of("token", token), reply::complete);
        return await(reply);
    }

    /**
     * @param wait how long to wait
     * @return the notice that the connection's token expired, or null if none came in time
     */
    Map<String, Object> expiredNotice(Duration wait) throws InterruptedException {
        return expired.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param wait how long to wait
     * @return true if the server ended the connection in time
     */
    boolean waitForDisconnection(Duration wait) {
        return bayeux.waitFor(wait.toMillis(), BayeuxClient.State.DISCONNECTED);
    }

    /** @return whether the client is connected */
    boolean isConnected() {
        return bayeux.isConnected();
    }

    @Override
    public void close() {
        if (!bayeux.isDisconnected()) {
            bayeux.disconnect(2000);
        }
        transports.stop();
    }
}
