package org.thywill.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the plain-WebSocket protocol (documentation/protocol.md, "Plain WebSocket") over a real socket, as a
 * device or a command-line tool would be: it says hello for one application, collects the {@code message} frames
 * as {@link TestClient.Delivery}s and every other frame apart. Like the browser library it takes part in
 * acknowledged delivery: it drops a numbered message whose {@code seq} it handled already or whose {@code mid} it
 * has seen, acknowledges each one it keeps, and on {@link #reconnect} says hello again with its session and the last
 * seq it handled, so that the server replays only what is newer. Uses the JDK's WebSocket client.
 *
 * <pre>{@code
 * try (PlainWebSocketClient client = PlainWebSocketClient.connect(server, "echo")) {
 *     client.send("hi");
 *     assertEquals("hi", client.nextMessage());
 * }
 * }</pre>
 */
public final class PlainWebSocketClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String applicationId;
    private final PageMemory memory;
    private final boolean acknowledges;
    private final BlockingQueue<TestClient.Delivery> deliveries = new LinkedBlockingQueue<>();
    private final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Map<String, Object>>> answers = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Object sending = new Object();
    /** The last acknowledgement under way; each waits for the one before, and close for the last. */
    private CompletableFuture<Void> acking = CompletableFuture.completedFuture(null);
    private WebSocket socket;
    private Map<String, Object> welcome;

    private PlainWebSocketClient(URI endpoint, String applicationId, PageMemory memory, boolean acknowledges) {
        this.endpoint = endpoint;
        this.applicationId = applicationId;
        this.memory = memory;
        this.acknowledges = acknowledges;
    }

    /**
     * Connects as a new client (a session of its own) that acknowledges what it handles.
     *
     * @param server a server started {@link ThywillTestServer.Builder#withPlainWebSocket() with plain WebSocket}
     * @param applicationId the application to talk to
     * @return the welcomed client
     */
    public static PlainWebSocketClient connect(ThywillTestServer server, String applicationId) {
        return open(server.plainWebSocketUri(), applicationId, new PageMemory(), true, Map.of());
    }

    /**
     * Connects with a hello of the test's choosing, for example another session's id or a token.
     *
     * @param endpoint the {@code ws://} endpoint
     * @param applicationId the application to talk to
     * @param acknowledges whether to say {@code "ack": true} and acknowledge numbered messages
     * @param hello more fields of the hello, such as {@code session} or {@code token}
     * @return the welcomed client
     * @throws AssertionError when the server does not welcome it
     */
    public static PlainWebSocketClient connect(URI endpoint, String applicationId, boolean acknowledges,
                                               Map<String, Object> hello) {
        return open(endpoint, applicationId, new PageMemory(), acknowledges, hello);
    }

    /**
     * Opens a socket without saying hello, for tests of what the server does with bad frames.
     *
     * @param endpoint the {@code ws://} endpoint
     * @return the client, not yet welcomed
     */
    public static PlainWebSocketClient openSilent(URI endpoint) {
        return openSilent(endpoint, Map.of());
    }

    /**
     * Opens a socket without saying hello, with headers of the test's choosing on the upgrade request.
     *
     * @param endpoint the {@code ws://} endpoint
     * @param headers such as {@code Cookie} or {@code Origin}
     * @return the client, not yet welcomed
     * @throws java.util.concurrent.CompletionException when the server refuses the upgrade
     */
    public static PlainWebSocketClient openSilent(URI endpoint, Map<String, String> headers) {
        return new PlainWebSocketClient(endpoint, null, new PageMemory(), false).connectSocket(headers);
    }

    private PlainWebSocketClient connectSocket(Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        socket = builder.buildAsync(endpoint, new Listener()).join();
        return this;
    }

    private static PlainWebSocketClient open(URI endpoint, String applicationId, PageMemory memory,
                                             boolean acknowledges, Map<String, Object> more) {
        PlainWebSocketClient welcomed = new PlainWebSocketClient(endpoint, applicationId, memory, acknowledges)
                .connectSocket(Map.of());
        Map<String, Object> hello = new LinkedHashMap<>(more);
        hello.put("op", "hello");
        hello.put("application", applicationId);
        if (acknowledges) {
            hello.put("ack", true);
            hello.put("handled", memory.handled());
        }
        Map<String, Object> answer = welcomed.ask(hello);
        if (!"welcome".equals(answer.get("op"))) {
            welcomed.close();
            throw new AssertionError("The server did not welcome the hello: " + answer);
        }
        welcomed.welcome = answer;
        return welcomed;
    }

    /**
     * Connects again as the same client after its socket was cut: same session, and the last seq it handled.
     *
     * @return the new connection, sharing this client's record of handled messages
     */
    public PlainWebSocketClient reconnect() {
        return open(endpoint, applicationId, memory, acknowledges, Map.of("session", sessionId()));
    }

    /** @return the welcome frame */
    public Map<String, Object> welcome() {
        return welcome;
    }

    /** @return the session's id, as the welcome gave it */
    public String sessionId() {
        return (String) welcome.get("session");
    }

    /** @return this connection's id */
    public String connectionId() {
        return (String) welcome.get("connection");
    }

    /**
     * Sends a message envelope to the hello's application and waits for the answer.
     *
     * @param data the message's data
     * @return the {@code accepted} or {@code refused} frame
     */
    public Map<String, Object> send(Object data) {
        return send(applicationId, Map.of("type", "message", "data", data));
    }

    /**
     * @param application the application addressed
     * @param envelope the envelope, as a Bayeux client publishes it
     * @return the {@code accepted} or {@code refused} frame
     */
    public Map<String, Object> send(String application, Map<String, Object> envelope) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("op", "send");
        frame.put("application", application);
        frame.put("data", envelope);
        return ask(frame);
    }

    /**
     * Sends a frame with a fresh {@code ref} and waits for the answer that carries it.
     *
     * @param frame the frame
     * @return the answer
     */
    public Map<String, Object> ask(Map<String, Object> frame) {
        String ref = "r" + refs.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        answers.put(ref, answer);
        Map<String, Object> withRef = new LinkedHashMap<>(frame);
        withRef.put("ref", ref);
        sendRaw(TestJson.write(withRef));
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("No answer to " + frame + " within " + WAIT, e);
        } finally {
            answers.remove(ref);
        }
    }

    /** @param text any text, sent as one text frame (a test's malformed frame, say) */
    public void sendRaw(String text) {
        synchronized (sending) {
            socket.sendText(text, true).join();
        }
    }

    /** @return the next message delivered, waiting up to 10 s; fails the test if none arrives */
    public TestClient.Delivery next() {
        return next(WAIT).orElseThrow(() -> new AssertionError("No message arrived within " + WAIT));
    }

    /**
     * @param wait how long to wait
     * @return the next message delivered, or empty if none arrived in time
     */
    public Optional<TestClient.Delivery> next(Duration wait) {
        return poll(deliveries, wait);
    }

    /** @return the data of the next delivery, which must be a message envelope */
    public Object nextMessage() {
        TestClient.Delivery d = next();
        if (!"message".equals(d.type())) {
            throw new AssertionError("Expected a message but got " + d);
        }
        return d.data();
    }

    /** @return every message delivered and not yet taken */
    public List<TestClient.Delivery> drain() {
        List<TestClient.Delivery> all = new ArrayList<>();
        deliveries.drainTo(all);
        return all;
    }

    /** @return the next frame that is neither a message nor an answer to {@link #ask}, waiting up to 10 s */
    public Map<String, Object> nextFrame() {
        return poll(frames, WAIT).orElseThrow(() -> new AssertionError("No frame arrived within " + WAIT));
    }

    /** @return the WebSocket close code, once the server closed the socket (waiting up to 10 s) */
    public int closeCode() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** @return the last seq handled for the hello's application, 0 for none */
    public long handledSeq() {
        return memory.handledSeq(applicationId);
    }

    /** Vanishes without a goodbye, as a device whose network died. */
    public void cut() {
        socket.abort();
    }

    @Override
    public void close() {
        CompletableFuture<Void> lastAck;
        synchronized (this) {
            lastAck = acking;
        }
        lastAck.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        if (!socket.isOutputClosed()) {
            synchronized (sending) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
            }
        }
        socket.abort();
    }

    private static <T> Optional<T> poll(BlockingQueue<T> queue, Duration wait) {
        try {
            return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private void received(String text) {
        Map<String, Object> frame = (Map<String, Object>) TestJson.parse(text);
        CompletableFuture<Map<String, Object>> answer = frame.get("ref") instanceof String ref
                ? answers.get(ref) : null;
        if (answer != null && !"message".equals(frame.get("op"))) {
            answer.complete(frame);
        } else if ("message".equals(frame.get("op"))) {
            message((String) frame.get("channel"), (Map<String, Object>) frame.get("data"));
        } else {
            frames.add(frame);
        }
    }

    private void message(String channel, Map<String, Object> envelope) {
        String app = channel.split("/")[2];
        if (acknowledges && envelope.get("seq") instanceof Number seq) {
            boolean fresh = memory.handle(app, seq.longValue(), envelope.get("mid"));
            // Queued before the test can take the message, so that a close after it goes after its ack, as a
            // page's would: an ack sent after the close frame is never read, and the message is rightly replayed.
            String ack = TestJson.write(Map.of("op", "ack", "acks", Map.of(app, seq.longValue())));
            synchronized (this) {
                acking = acking.thenRunAsync(() -> sendRaw(ack)).exceptionally(e -> null);
            }
            if (fresh) {
                deliveries.add(new TestClient.Delivery(channel, envelope, System.nanoTime()));
            }
            return;
        }
        deliveries.add(new TestClient.Delivery(channel, envelope, System.nanoTime()));
    }

    /** Collects whole text frames; the JDK hands them over in parts. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                received(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
