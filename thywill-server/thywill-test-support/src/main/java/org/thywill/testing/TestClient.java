package org.thywill.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.eclipse.jetty.http.HttpCookie;

/**
 * A CometD client of a Thywill server over a real socket, as a browser's script would be: it handshakes for one
 * application and collects what the server delivers on {@code /thywill/**}. Like the browser library it takes part
 * in acknowledged delivery: it asks CometD to confirm every message of its connection, drops a message whose
 * {@code seq} it already handled or whose {@code mid} is among the last {@value PageMemory#RECENT_IDS} it handled (a
 * copy replayed under a new seq), acknowledges handled messages to the server (batched, see {@link Acknowledger})
 * and, on {@link #reconnect}, tells the server the last seq it handled so that the
 * server replays only what is newer.
 */
public final class TestClient implements AutoCloseable {

    /** The Bayeux transport to use. */
    public enum Transport {
        /** HTTP long-polling. */
        LONG_POLLING,
        /** WebSocket. */
        WEBSOCKET
    }

    /**
     * A message the server delivered.
     *
     * @param channel its Bayeux channel
     * @param envelope its data, the Thywill envelope
     * @param arrived when the client received it, by {@link System#nanoTime()}: a test that times events must not
     *     use the moment it got round to taking one, which a slow step before it can delay by seconds
     */
    public record Delivery(String channel, Map<String, Object> envelope, long arrived) {
        /** @return the envelope's {@code data} */
        public Object data() {
            return envelope.get("data");
        }

        /** @return the envelope's {@code type} */
        public Object type() {
            return envelope.get("type");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final CometdTransports transports;
    private final BayeuxClient client;
    private final URI serverUri;
    private final String applicationId;
    private final PageMemory memory;
    private final Acknowledger acknowledger;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile HttpCookie cookie;
    private volatile String token;

    private TestClient(CometdTransports transports, URI serverUri, String applicationId, PageMemory memory) {
        this.transports = transports;
        this.client = transports.bayeux();
        this.serverUri = serverUri;
        this.applicationId = applicationId;
        this.memory = memory;
        this.acknowledger = new Acknowledger(memory, client);
    }

    /**
     * Connects as a new browser (a session of its own).
     *
     * @param server the server
     * @param applicationId the application to talk to
     * @param transport the transport
     * @return the connected client
     */
    public static TestClient connect(ThywillTestServer server, String applicationId, Transport transport) {
        return connect(server.uri(), applicationId, transport, newSession(server.uri(), applicationId));
    }

    /**
     * Connects as another tab of the browser that holds {@code sessionCookie}.
     *
     * @param server the server's base URI
     * @param applicationId the application to talk to
     * @param transport the transport
     * @param sessionCookie the session cookie, from {@link #newSession} or another client's {@link #sessionCookie()}
     * @return the connected client
     */
    public static TestClient connect(URI server, String applicationId, Transport transport, HttpCookie sessionCookie) {
        return connect(server, applicationId, transport, sessionCookie, new PageMemory(), true, null);
    }

    /**
     * Connects as a new browser (a device) of a signed-in user, presenting {@code token} at the handshake in
     * {@code ext.thywill.token} as thywill-auth.js does, and again at each {@link #reconnect}; as
     * {@link #connect(ThywillTestServer, String, Transport)} otherwise. A token from {@link TestTokens#of} suits a
     * server set up with {@link TestTokens#jwt}.
     *
     * @param server the server
     * @param applicationId the application to talk to
     * @param transport the transport
     * @param token the user's token, as the host application's login would issue it
     * @return the connected client
     * @throws IllegalStateException if the handshake is refused (a forged or expired token)
     */
    public static TestClient connectAs(ThywillTestServer server, String applicationId, Transport transport,
                                       String token) {
        return connect(server.uri(), applicationId, transport, newSession(server.uri(), applicationId),
                new PageMemory(), true, token);
    }

    /**
     * Connects as a new browser with a plain CometD client, as a load generator or another server would: it
     * neither asks for acknowledged delivery nor acknowledges anything.
     *
     * @param server the server
     * @param applicationId the application to talk to
     * @param transport the transport
     * @return the connected client
     */
    public static TestClient connectPlain(ThywillTestServer server, String applicationId, Transport transport) {
        return connect(server.uri(), applicationId, transport, newSession(server.uri(), applicationId),
                new PageMemory(), false, null);
    }

    /**
     * Connects again as the same page after its connection was lost (or the page reloaded): same session, and the
     * server is told the last seq this client handled, so it replays only newer messages.
     *
     * @param transport the transport
     * @return the new connection, which shares this client's record of handled messages
     */
    public TestClient reconnect(Transport transport) {
        return connect(serverUri, applicationId, transport, sessionCookie(), memory, true, token);
    }

    /**
     * Connects again as the same page to a server that has restarted (on another port), as {@link #reconnect}.
     *
     * @param server the restarted server's base URI
     * @param transport the transport
     * @return the new connection, which shares this client's record of handled messages
     */
    public TestClient reconnect(URI server, Transport transport) {
        return connect(server, applicationId, transport, sessionCookie(), memory, true, token);
    }

    private static TestClient connect(URI server, String applicationId, Transport transport, HttpCookie sessionCookie,
                                      PageMemory memory, boolean acknowledging, String token) {
        CometdTransports transports = CometdTransports.open(server, transport);
        BayeuxClient bayeux = transports.bayeux();
        if (sessionCookie != null) {
            bayeux.putCookie(sessionCookie);
        }
        TestClient client = new TestClient(transports, server, applicationId, memory);
        if (acknowledging) {
            bayeux.addExtension(new AckExtension());
            bayeux.addExtension(client.acknowledger);
        }
        bayeux.getChannel("/thywill/**").addListener((ClientSessionChannel.MessageListener) (channel, message) -> {
            if (!message.isPublishReply()) {
                client.receive(message.getChannel(), message.getDataAsMap());
            }
        });
        ServerNotices.follow(bayeux, client.deliveries::add);
        try {
            transports.handshake(Map.of("thywill", memory.handshake(applicationId, acknowledging, token)), WAIT);
        } catch (IllegalStateException e) {
            client.close();
            throw e;
        }
        client.cookie = sessionCookie != null ? sessionCookie : bayeux.getCookie("thywill_session");
        client.token = token; // presented again by a reconnection, as the page keeps it
        return client;
    }

    /**
     * Loads an application's page once, as a browser does first, to get a session cookie.
     *
     * @param server the server's base URI
     * @param applicationId the application whose page to load
     * @return the session cookie the page set
     */
    public static HttpCookie newSession(URI server, String applicationId) {
        return PageLoad.sessionCookie(server, applicationId);
    }

    private void receive(String channel, Map<String, Object> envelope) {
        String[] parts = channel.split("/");
        // Messages to the session and to its channels share one sequence per application.
        if (envelope != null && envelope.get("seq") instanceof Number seq && parts.length >= 3
                && !memory.handle(parts[2], seq.longValue(), envelope.get("mid"))) {
            duplicates.incrementAndGet();
            return;
        }
        deliveries.add(new Delivery(channel, envelope, System.nanoTime()));
        if (envelope != null && envelope.get("receipt") instanceof Number receipt && parts.length >= 3) {
            client.getChannel("/service/thywill/" + parts[2]).publish(Map.of("type", "ack", "receipt", receipt));
        }
    }

    /**
     * From now on, acknowledges only in {@code /meta/connect} messages, never with an acknowledgement of its own:
     * to test that path alone.
     *
     * @return this client
     */
    public TestClient acknowledgeOnlyOnConnects() {
        acknowledger.stopPublishing(WAIT);
        return this;
    }

    /**
     * Sends {@code ext.thywill} of the next {@code /meta/connect} as given, in place of what the client would put
     * there: to test what the server does with a malformed one.
     *
     * @param thywill the {@code ext.thywill} object
     * @return this client
     */
    public TestClient withNextConnectExtension(Map<String, Object> thywill) {
        acknowledger.nextConnectExtension(thywill);
        return this;
    }

    /**
     * From now on, acknowledges only by publishing {@code {"type":"ack","seq":N}}, as older client libraries did:
     * to test that path alone.
     *
     * @return this client
     */
    public TestClient acknowledgeOnlyByPublishing() {
        acknowledger.onlyByPublishing();
        return this;
    }

    /**
     * @param app an application id
     * @return the last seq this client (and the clients it was reconnected from) handled for it, 0 for none
     */
    public long handledSeq(String app) {
        return memory.handledSeq(app);
    }

    /**
     * @param app an application id
     * @return the last seq this client told the server it handled, 0 for none
     */
    public long acknowledgedSeq(String app) {
        return acknowledger.acknowledgedSeq(app);
    }

    /** @return how many messages this client dropped because it had handled their seq already */
    public int duplicatesDropped() {
        return duplicates.get();
    }

    /**
     * Sends {@code {"type":"message","data":data,"id":id}}: the server passes a message with an id the session
     * already sent to the application only once, as it does for the browser library's retries.
     *
     * @param data the data
     * @param id the client message id
     * @return the server's publish reply
     */
    public Message send(Object data, String id) {
        return publish("/service/thywill/" + applicationId, Map.of("type", "message", "data", data, "id", id));
    }

    /** @return the session cookie this client presents */
    public HttpCookie sessionCookie() {
        HttpCookie live = client.getCookie("thywill_session");
        if (live != null) {
            cookie = live;
        }
        // After a disconnect or a drop the client forgets its cookies; the browser would not.
        return cookie;
    }

    /** @return this connection's id */
    public String connectionId() {
        return client.getId();
    }

    /**
     * Sends {@code {"type":"message","data":data}} to the client's application.
     *
     * @param data the data
     * @return the server's publish reply
     */
    public Message send(Object data) {
        return publish("/service/thywill/" + applicationId, Map.of("type", "message", "data", data));
    }

    /**
     * Publishes anything on any channel, to test what the server refuses.
     *
     * @param channel the Bayeux channel
     * @param data the data
     * @return the server's reply
     */
    public Message publish(String channel, Object data) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).publish(data, reply::complete);
        return await(reply);
    }

    /**
     * Tries to subscribe, to test what the server refuses.
     *
     * @param channel the Bayeux channel
     * @return the server's reply
     */
    public Message subscribe(String channel) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).subscribe((c, m) -> deliveries.add(new Delivery(m.getChannel(),
                m.getDataAsMap(), System.nanoTime())), reply::complete);
        return await(reply);
    }

    private static Message await(CompletableFuture<Message> reply) {
        try {
            return reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No reply within " + WAIT, e);
        }
    }

    /** @return the next delivery, waiting up to 10 s; fails the test if none arrives */
    public Delivery next() {
        return next(WAIT).orElseThrow(() -> new AssertionError("No message arrived within " + WAIT));
    }

    /**
     * @param wait how long to wait
     * @return the next delivery, or empty if none arrived in time
     */
    public Optional<Delivery> next(Duration wait) {
        try {
            return Optional.ofNullable(deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** @return the data of the next delivery, which must be a message envelope */
    public Object nextMessage() {
        Delivery d = next();
        if (!"message".equals(d.type())) {
            throw new AssertionError("Expected a message but got " + d);
        }
        return d.data();
    }

    /** @return everything delivered and not yet taken */
    public List<Delivery> drain() {
        List<Delivery> all = new ArrayList<>();
        deliveries.drainTo(all);
        return all;
    }

    /** Says goodbye politely, as a page that closes does. */
    public void disconnect() {
        acknowledger.stopPublishing(WAIT);
        client.disconnect(WAIT.toMillis());
    }

    /** Vanishes without a goodbye, as a browser whose network died: the sockets close, no disconnect is sent. */
    public void drop() {
        acknowledger.stopPublishing(Duration.ZERO);
        client.abort();
        transports.stop();
    }

    /** @return true if the client is connected */
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        acknowledger.stopPublishing(WAIT);
        if (!client.isDisconnected()) {
            client.disconnect(2000);
        }
        transports.stop();
    }
}
