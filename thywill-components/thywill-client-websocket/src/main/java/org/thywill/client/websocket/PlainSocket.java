package org.thywill.client.websocket;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.WebSocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.http.MessageRateLimit;

/**
 * One client's socket: reads its frames in order, answers what is wrong with one of them without closing, and
 * becomes a {@link Connection} once its {@code hello} is welcomed. Jetty calls it on one thread at a time. Public
 * only because Jetty calls its listener methods through method handles.
 */
public final class PlainSocket implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(PlainSocket.class);
    /** WebSocket close codes of protocol.md. */
    static final int GOING_AWAY = 1001;
    static final int TRY_AGAIN_LATER = 1013;
    static final int UNAUTHORIZED = 4401;
    /** The server ended the connection on an application's word (a user logged out everywhere): do not come back. */
    static final int CLOSED_BY_SERVER = 4403;
    static final int HELLO_TIMEOUT = 4408;
    /** How many times more ack frames than other frames a connection may send a second. */
    static final int ACK_ALLOWANCE = 10;

    private enum State { NEW, HELLO_PENDING, WELCOMED, CLOSED }

    private final WebSocketClientInterface server;
    private final Upgrade upgrade;
    private final MessageRateLimit.Allowance rate;
    /** Acknowledgements are cumulative and cheap: a larger allowance of their own, the excess dropped silently. */
    private final Bucket acks;
    private volatile Session session;
    private State state = State.NEW;
    private Connection connection;
    private boolean holdsPlace;
    private volatile boolean endedByServer;
    private volatile boolean timedOut;
    private volatile boolean behind;
    /** Frames sent between the welcome's decision and its sending, or null. */
    private List<String> held;

    /**
     * @param server the Client Interface
     * @param upgrade what the upgrade request said: the client's address and cookies
     */
    PlainSocket(WebSocketClientInterface server, Upgrade upgrade) {
        this.server = server;
        this.upgrade = upgrade;
        this.rate = server.rate().allowance();
        int ackRate = ACK_ALLOWANCE * server.settings().maxMessagesPerSecond();
        this.acks = Bucket.builder()
                .addLimit(limit -> limit.capacity(ackRate).refillGreedy(ackRate, Duration.ofSeconds(1)))
                .build();
    }

    Upgrade upgrade() {
        return upgrade;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        server.opened(this);
        session.setMaxOutgoingFrames(server.settings().maxQueue());
        if (server.stopping()) {
            end(GOING_AWAY, "server-stopping", "The server is shutting down; connect again.");
            return;
        }
        String cap = server.caps().acquire(upgrade.address());
        if (cap != null) {
            end(TRY_AGAIN_LATER, "too-many-connections", "Too many connections (" + cap + "); try again in 10 s.");
            return;
        }
        synchronized (this) {
            holdsPlace = true;
        }
        server.timers().schedule(this::helloTimedOut, server.settings().helloTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onWebSocketText(String text) {
        String ref = null;
        try {
            if (text.length() > server.settings().maxMessageSize()) {
                server.metrics().oversized().increment();
                throw new FrameException(ClientMessageException.MESSAGE_TOO_BIG, "A frame is at most "
                        + server.settings().maxMessageSize() + " characters; this one was dropped.");
            }
            Map<String, Object> frame = server.frames().read(text);
            ref = Frames.ref(frame);
            if ("ack".equals(frame.get("op"))) {
                if (acks.tryConsume(1)) {
                    dispatch("ack", frame, ref);
                }
                return;
            }
            if (!rate.take(upgrade.address())) {
                server.refuse(this, ref, frame, ClientMessageException.RATE_LIMITED, "More than "
                        + server.settings().maxMessagesPerSecond() + " frames a second from this connection; this"
                        + " one was dropped. Send less often.");
                return;
            }
            dispatch((String) frame.get("op"), frame, ref);
        } catch (FrameException e) {
            send(Frames.problem("error", ref, e.code(), e.getMessage()));
        }
    }

    private void dispatch(String op, Map<String, Object> frame, String ref) throws FrameException {
        if (op.equals("ping")) {
            send(Frames.frame("pong", ref));
            return;
        }
        Connection welcomed;
        synchronized (this) {
            if (op.equals("hello")) {
                if (state != State.NEW) {
                    throw new FrameException(FrameException.ALREADY_WELCOMED, "This connection said hello already;"
                            + " open another socket for another application.");
                }
                state = State.HELLO_PENDING;
            }
            welcomed = connection;
        }
        if (op.equals("hello")) {
            server.hellos().hello(this, frame, ref);
            return;
        }
        if (welcomed == null) {
            throw new FrameException(FrameException.HELLO_FIRST, "Say {\"op\":\"hello\",\"application\":...}"
                    + " first and wait for the welcome.");
        }
        switch (op) {
            case "send" -> server.relay(this, welcomed, frame, ref);
            case "ack" -> {
                if (!(frame.get("acks") instanceof Map<?, ?> acks)) {
                    throw new FrameException(FrameException.BAD_FRAME, "An ack is {\"op\":\"ack\",\"acks\":"
                            + "{\"appId\":seq}}.");
                }
                server.delivery().acknowledgedOnPoll(welcomed, acks);
            }
            default -> throw new FrameException(FrameException.BAD_FRAME, "Unknown op '" + abbreviated(op)
                    + "': the ops are hello, send, ack and ping.");
        }
    }

    private static String abbreviated(String op) {
        return op.length() > 32 ? op.substring(0, 32) + "..." : op;
    }

    /** The hello was refused before a welcome: another may follow, unless the socket is to close. */
    synchronized void helloRefused() {
        if (state == State.HELLO_PENDING) {
            state = State.NEW;
        }
    }

    /**
     * Makes the socket a connection, unless it closed meanwhile; what is sent to it is held until
     * {@link #welcomed}, so that the welcome goes first.
     *
     * @param welcomed the connection
     * @return true if the socket is still open and now carries the connection
     */
    synchronized boolean welcome(Connection welcomed) {
        if (state != State.HELLO_PENDING) {
            return false;
        }
        held = new ArrayList<>();
        state = State.WELCOMED;
        connection = welcomed;
        return true;
    }

    /** @param welcome the welcome frame, sent before what was held since {@link #welcome} */
    synchronized void welcomed(Map<String, Object> welcome) {
        List<String> before = held;
        held = null;
        transmit(server.frames().write(welcome));
        before.forEach(this::transmit);
    }

    synchronized Connection connection() {
        return connection;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof WebSocketTimeoutException) {
            timedOut = true;
        } else {
            LOG.debug("Plain WebSocket error from {}", upgrade.address(), cause);
        }
    }

    @Override
    public void onWebSocketClose(int status, String reason, Callback done) {
        Connection ended;
        boolean release;
        synchronized (this) {
            ended = state == State.WELCOMED ? connection : null;
            release = holdsPlace;
            holdsPlace = false;
            state = State.CLOSED;
        }
        server.closed(this);
        if (release) {
            server.caps().release(upgrade.address());
        }
        if (ended != null) {
            server.disconnected(ended, endedByServer, timedOut);
        }
        done.succeed();
    }

    private void helloTimedOut() {
        boolean silent;
        synchronized (this) {
            silent = state == State.NEW || state == State.HELLO_PENDING;
        }
        if (silent) {
            end(HELLO_TIMEOUT, "hello-timeout", "No hello within " + server.settings().helloTimeout().toMillis()
                    + " ms of the upgrade; say hello first.");
        }
    }

    /**
     * Tells the client why, then closes.
     *
     * @param status the WebSocket close code
     * @param code the reason's code
     * @param message what happened and what to do
     */
    void end(int status, String code, String message) {
        endedByServer = true;
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        s.sendText(server.frames().write(Frames.problem("close", null, code, message)), Callback.NOOP);
        s.close(status, code, Callback.NOOP);
    }

    void send(Map<String, Object> frame) {
        send(server.frames().write(frame));
    }

    /**
     * Queues a text frame. When more than {@code maxQueue} wait, it is dropped and the Push is told the connection
     * fell behind, once until a later frame goes through.
     *
     * @param text the frame
     */
    void send(String text) {
        synchronized (this) {
            if (held != null) {
                held.add(text);
                return;
            }
        }
        transmit(text);
    }

    private void transmit(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        s.sendText(text, Callback.from(() -> behind = false, failure -> fellBehind(s)));
    }

    private void fellBehind(Session s) {
        Connection c = connection();
        if (!s.isOpen() || c == null || behind) {
            return;
        }
        behind = true;
        server.delivery().listener().fellBehind(c, Math.max(1, server.settings().maxQueue() / 2));
    }
}
