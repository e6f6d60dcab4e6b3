package org.thywill.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JettyJSONContextClient;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.util.component.LifeCycle;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;

/**
 * A CometD client of a Thywill server over a real socket, as a browser's script would be: it handshakes for one
 * application and collects what the server delivers on {@code /thywill/**}. Like the browser library it takes part
 * in acknowledged delivery: it asks CometD to confirm every message of its connection, drops a message whose
 * {@code seq} it already handled or whose {@code mid} is among the last {@value #RECENT_IDS} it handled (a copy
 * replayed under a new seq), acknowledges handled messages to the server (batched, every
 * {@value #ACK_PERIOD_MILLIS} ms) and, on {@link #reconnect}, tells the server the last seq it handled so that the
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
            return envelope.get(EnvelopeType.KEY);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long ACK_PERIOD_MILLIS = 50;
    /** How many message ids a page remembers: thywill.js's RECENT_IDS. */
    private static final int RECENT_IDS = 1000;
    private final org.eclipse.jetty.client.HttpClient httpClient;
    private final Object container;
    private final BayeuxClient client;
    private final String applicationId;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    /** The last seq handled per application: the browser keeps it in sessionStorage, so a reload still knows it. */
    private final Map<String, Long> handled;
    /** The ids ({@code mid}) of the last messages handled, as the browser library keeps them; guarded by handled. */
    private final Set<String> recentIds;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final ScheduledExecutorService acker;
    private final URI serverUri;
    private volatile HttpCookie cookie;
    private volatile boolean acknowledgeOnConnects = true;
    private final java.util.concurrent.atomic.AtomicReference<Map<String, Object>> nextConnectExtension =
            new java.util.concurrent.atomic.AtomicReference<>();

    private TestClient(org.eclipse.jetty.client.HttpClient httpClient, Object container, BayeuxClient client,
                       URI serverUri, String applicationId, Map<String, Long> handled, Set<String> recentIds) {
        this.serverUri = serverUri;
        this.httpClient = httpClient;
        this.container = container;
        this.client = client;
        this.applicationId = applicationId;
        this.handled = handled;
        this.recentIds = recentIds;
        this.acker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-client-acks");
            t.setDaemon(true);
            return t;
        });
        acker.scheduleWithFixedDelay(this::acknowledge, ACK_PERIOD_MILLIS, ACK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
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
        return connect(server, applicationId, transport, sessionCookie, new ConcurrentHashMap<>(), recentIds(),
                true);
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
                new ConcurrentHashMap<>(), recentIds(), false);
    }

    /**
     * Connects again as the same page after its connection was lost (or the page reloaded): same session, and the
     * server is told the last seq this client handled, so it replays only newer messages.
     *
     * @param transport the transport
     * @return the new connection, which shares this client's record of handled messages
     */
    public TestClient reconnect(Transport transport) {
        return connect(serverUri, applicationId, transport, sessionCookie(), handled, recentIds, true);
    }

    /**
     * Connects again as the same page to a server that has restarted (on another port), as {@link #reconnect}.
     *
     * @param server the restarted server's base URI
     * @param transport the transport
     * @return the new connection, which shares this client's record of handled messages
     */
    public TestClient reconnect(URI server, Transport transport) {
        return connect(server, applicationId, transport, sessionCookie(), handled, recentIds, true);
    }

    private static TestClient connect(URI server, String applicationId, Transport transport, HttpCookie sessionCookie,
                                      Map<String, Long> handled, Set<String> recentIds,
                                      boolean acknowledging) {
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient();
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ClientTransport chosen;
        WebSocketContainer container = null;
        // Lists for JSON arrays on both transports, as the server's applications see them.
        JettyJSONContextClient json = new ListArraysClientJson();
        Map<String, Object> options = new java.util.HashMap<>(Map.of(ClientTransport.JSON_CONTEXT_OPTION, json));
        if (transport == Transport.WEBSOCKET) {
            container = ContainerProvider.getWebSocketContainer();
            chosen = new WebSocketTransport(options, null, container);
        } else {
            chosen = new JettyHttpClientTransport(options, http);
        }
        BayeuxClient bayeux = new BayeuxClient(server.resolve("/thywill/cometd").toString(), chosen);
        if (sessionCookie != null) {
            bayeux.putCookie(sessionCookie);
        }
        if (acknowledging) {
            bayeux.addExtension(new AckExtension());
        }
        TestClient client = new TestClient(http, container, bayeux, server, applicationId, handled, recentIds);
        if (acknowledging) {
            bayeux.addExtension(client.new ConnectAcks());
        }
        bayeux.getChannel("/thywill/**").addListener((org.cometd.bayeux.client.ClientSessionChannel.MessageListener)
                (channel, message) -> {
                    if (!message.isPublishReply()) {
                        client.receive(message.getChannel(), message.getDataAsMap());
                    }
                });
        CompletableFuture<Message> handshake = new CompletableFuture<>();
        bayeux.handshake(Map.of(Message.EXT_FIELD, Map.of("thywill", acknowledging
                ? Map.of("application", applicationId, "ack", true, "handled", Map.copyOf(handled))
                : Map.of("application", applicationId))), handshake::complete);
        try {
            Message reply = handshake.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!reply.isSuccessful()) {
                client.close();
                throw new IllegalStateException("Handshake refused: " + reply);
            }
        } catch (Exception e) {
            client.close();
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("Handshake failed", e);
        }
        if (!bayeux.waitFor(WAIT.toMillis(), BayeuxClient.State.CONNECTED)) {
            client.close();
            throw new IllegalStateException("Not connected within " + WAIT);
        }
        client.cookie = sessionCookie != null ? sessionCookie : bayeux.getCookie("thywill_session");
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
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.resolve("/thywill/init/" + applicationId + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String header = page.headers().firstValue("set-cookie")
                    .orElseThrow(() -> new IllegalStateException("The page set no session cookie: " + page));
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            return HttpCookie.from(pair.substring(0, eq), pair.substring(eq + 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return a page's memory of the ids it handled last, oldest first */
    private static Set<String> recentIds() {
        return new LinkedHashSet<>();
    }

    private void receive(String channel, Map<String, Object> envelope) {
        String[] parts = channel.split("/");
        // Messages to the session and to its channels share one sequence per application.
        if (envelope != null && envelope.get("seq") instanceof Number seq && parts.length >= 3) {
            String app = parts[2];
            synchronized (handled) {
                if (seq.longValue() <= handled.getOrDefault(app, 0L)) {
                    duplicates.incrementAndGet();
                    return;
                }
                handled.put(app, seq.longValue());
                if (envelope.get("mid") instanceof String id) {
                    if (!recentIds.add(id)) {
                        // Handled already under another seq: acknowledged with this one, not handed on again.
                        duplicates.incrementAndGet();
                        return;
                    }
                    if (recentIds.size() > RECENT_IDS) {
                        recentIds.remove(recentIds.iterator().next());
                    }
                }
            }
        }
        deliveries.add(new Delivery(channel, envelope, System.nanoTime()));
        if (envelope != null && envelope.get("receipt") instanceof Number receipt && parts.length >= 3) {
            client.getChannel("/service/thywill/" + parts[2]).publish(Map.of(EnvelopeType.KEY,
                    EnvelopeType.ACK.wire(), "receipt", receipt));
        }
    }

    /** Tells the server, per application, the last seq handled since the last acknowledgement, by publishing. */
    private void acknowledge() {
        if (!client.isConnected()) {
            return;
        }
        unacknowledged().forEach((app, seq) ->
                client.getChannel("/service/thywill/" + app).publish(Map.of(EnvelopeType.KEY,
                        EnvelopeType.ACK.wire(), "seq", seq)));
    }

    /** @return per application, the last seq handled and not acknowledged yet, now counted as acknowledged */
    private Map<String, Long> unacknowledged() {
        Map<String, Long> acks = new java.util.HashMap<>();
        synchronized (handled) {
            handled.forEach((app, seq) -> {
                if (!seq.equals(acknowledged.get(app))) {
                    acknowledged.put(app, seq);
                    acks.put(app, seq);
                }
            });
        }
        return acks;
    }

    /**
     * Acknowledges in {@code /meta/connect} messages, as the browser library does: the next connect after a batch
     * of numbered messages carries {@code ext.thywill.acks}.
     */
    private final class ConnectAcks implements ClientSession.Extension {
        @Override
        public boolean sendMeta(ClientSession session, Message.Mutable message) {
            Map<String, Object> given = Channel.META_CONNECT.equals(message.getChannel())
                    ? nextConnectExtension.getAndSet(null) : null;
            if (given != null) {
                message.getExt(true).put("thywill", given);
            } else if (acknowledgeOnConnects && Channel.META_CONNECT.equals(message.getChannel())) {
                Map<String, Long> acks = unacknowledged();
                if (!acks.isEmpty()) {
                    message.getExt(true).put("thywill", Map.of("acks", acks));
                }
            }
            return true;
        }
    }

    /**
     * From now on, acknowledges only in {@code /meta/connect} messages, never with an acknowledgement of its own:
     * to test that path alone.
     *
     * @return this client
     */
    public TestClient acknowledgeOnlyOnConnects() {
        stopAcknowledging();
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
        nextConnectExtension.set(thywill);
        return this;
    }

    /**
     * From now on, acknowledges only by publishing {@code {"type":"ack","seq":N}}, as older client libraries did:
     * to test that path alone.
     *
     * @return this client
     */
    public TestClient acknowledgeOnlyByPublishing() {
        acknowledgeOnConnects = false;
        return this;
    }

    /**
     * @param app an application id
     * @return the last seq this client (and the clients it was reconnected from) handled for it, 0 for none
     */
    public long handledSeq(String app) {
        return handled.getOrDefault(app, 0L);
    }

    /**
     * @param app an application id
     * @return the last seq this client told the server it handled, 0 for none
     */
    public long acknowledgedSeq(String app) {
        return acknowledged.getOrDefault(app, 0L);
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
        return publish("/service/thywill/" + applicationId, Map.of(EnvelopeType.KEY, EnvelopeType.MESSAGE.wire(),
                "data", data, "id", id));
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
        return publish("/service/thywill/" + applicationId, Envelopes.message(data));
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
    public java.util.Optional<Delivery> next(Duration wait) {
        try {
            return java.util.Optional.ofNullable(deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** @return the data of the next delivery, which must be a message envelope */
    public Object nextMessage() {
        Delivery d = next();
        if (!EnvelopeType.MESSAGE.is(d.envelope())) {
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
        stopAcknowledging();
        client.disconnect(WAIT.toMillis());
    }

    /**
     * Stops the batched acknowledgements, waiting for one under way: an acknowledgement published while the
     * client disconnects goes out on a session the server has ended, and the client then waits for its
     * disconnection in vain.
     */
    private void stopAcknowledging() {
        acker.shutdownNow();
        try {
            acker.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Vanishes without a goodbye, as a browser whose network died: the sockets close, no disconnect is sent. */
    public void drop() {
        acker.shutdownNow();
        client.abort();
        LifeCycle.stop(httpClient);
        LifeCycle.stop(container);
    }

    /** @return true if the client is connected */
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        stopAcknowledging();
        if (!client.isDisconnected()) {
            client.disconnect(2000);
        }
        LifeCycle.stop(httpClient);
        LifeCycle.stop(container);
    }
}
