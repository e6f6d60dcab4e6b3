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
    private final String applicationId;
    private final BayeuxClient bayeux;
    private final Message handshake;
    private final BlockingQueue<Map<String, Object>> answers;
    private final BlockingQueue<Map<String, Object>> expired;

    private AuthClient(CometdTransports transports, String applicationId, Message handshake,
                       BlockingQueue<Map<String, Object>> answers, BlockingQueue<Map<String, Object>> expired) {
        this.transports = transports;
        this.applicationId = applicationId;
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
        return connect(server, WhoAmIApplication.ID, token, cookies, transport);
    }

    /**
     * Handshakes for an application, over long-polling.
     *
     * @param server the server
     * @param applicationId the application whose page the client stands for
     * @param token the token to present
     * @return the client, connected or refused
     */
    static AuthClient connect(ThywillTestServer server, String applicationId, String token) {
        return connect(server, applicationId, token, Map.of(), TestClient.Transport.LONG_POLLING);
    }

    private static AuthClient connect(ThywillTestServer server, String applicationId, String token,
                                      Map<String, String> cookies, TestClient.Transport transport) {
        CometdTransports transports = CometdTransports.open(server.uri(), transport);
        BayeuxClient bayeux = transports.bayeux();
        bayeux.putCookie(TestClient.newSession(server.uri(), applicationId));
        cookies.forEach((name, value) -> bayeux.putCookie(HttpCookie.from(name, value)));
        Map<String, Object> thywill = new HashMap<>(Map.of("application", applicationId));
        if (token != null) {
            thywill.put("token", token);
        }
        CompletableFuture<Message> reply = new CompletableFuture<>();
        BlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> expired = new LinkedBlockingQueue<>();
        bayeux.getChannel("/thywill/" + applicationId).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> answers.add(message.getDataAsMap()));
        bayeux.getChannel("/service/thywill/auth/expired").addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> expired.add(message.getDataAsMap()));
        bayeux.handshake(Map.of(Message.EXT_FIELD, Map.of("thywill", thywill)), reply::complete);
        Message answer = await(reply);
        AuthClient client = new AuthClient(transports, applicationId, answer, answers, expired);
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
        publish(Envelopes.message(data));
        return next();
    }

    /**
     * Publishes an envelope to the application, such as a message with an id or a call.
     *
     * @param envelope the envelope
     */
    void publish(Map<String, Object> envelope) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        bayeux.getChannel(Envelopes.serviceChannel(applicationId)).publish(envelope, reply::complete);
        if (!await(reply).isSuccessful()) {
            throw new AssertionError("The message was refused: " + reply.join());
        }
    }

    /** @return the data of the application's next message to this connection, waiting for it */
    Map<String, Object> next() {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) nextEnvelope().get("data");
        return data;
    }

    /** @return the application's next envelope to this connection (a message, an error, a call's answer) */
    Map<String, Object> nextEnvelope() {
        try {
            Map<String, Object> answer = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new AssertionError("No answer within " + WAIT);
            }
            return answer;
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
