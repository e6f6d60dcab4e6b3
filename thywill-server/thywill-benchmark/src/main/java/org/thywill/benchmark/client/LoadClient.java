package org.thywill.benchmark.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.thywill.benchmark.Scenario;
import org.thywill.benchmark.TransportKind;

/**
 * One simulated client: a {@link BayeuxClient} on the shared resources that records what it sends and receives
 * into the shared {@link Metrics} and tells the run when it is connected, has joined a room, or got an answer.
 * Messages carry their {@link System#nanoTime()} in {@code t}: the server runs on this machine, so its clock is
 * the same monotonic clock and a latency is a plain difference. They carry an id in {@code i} too, unique in the
 * run, so that one received twice counts as a duplicate, not as a delivery, and in {@code w} the phase of the run
 * they were sent in ({@link DeliveryLedger}), so that a reply in the hold to a message sent before it is told apart.
 */
final class LoadClient {

    /** How soon a numbered message is acknowledged: as the browser library does. */
    static final long ACK_DELAY_MILLIS = 100;

    /** What the run hears from its clients; every method is called on a client thread. */
    interface Events {
        /**
         * The client's first handshake and connect both succeeded, or one of them failed: called once.
         *
         * @param client the client
         * @param ok true if it is connected
         */
        void settled(LoadClient client, boolean ok);

        /** @param client a client whose room membership the server confirmed */
        default void joined(LoadClient client) {
        }

        /** @param client a client whose echo came back */
        default void echoed(LoadClient client) {
        }

        /** @param stats the server's answer to a stats command */
        default void stats(Map<String, Object> stats) {
        }
    }

    private final BayeuxClient bayeux;
    private final Dialect dialect;
    private final Metrics metrics;
    private final Events events;
    private final String filler;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long handshakeStart;
    private volatile String room;
    private final ClientResources resources;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicBoolean ackScheduled = new AtomicBoolean();
    private volatile long acknowledged;
    private volatile String ackApplication;
    private final int index;
    private final AtomicInteger sentCount = new AtomicInteger();
    private final ReceivedIds received = new ReceivedIds();

    LoadClient(int index, String url, ClientResources resources, TransportKind transport, Dialect dialect,
               Metrics metrics, String filler, Events events) {
        this.index = index;
        this.bayeux = new BayeuxClient(url, resources.scheduler(), resources.newTransport(transport));
        this.dialect = dialect;
        this.metrics = metrics;
        this.filler = filler;
        this.events = events;
        this.resources = resources;
        if (dialect.cometdAck()) {
            // CometD's acknowledge extension, as the browser library uses: messages travel in /meta/connect replies.
            bayeux.addExtension(new AckExtension());
        }
        if (dialect.acknowledges()) {
            // As the browser library does: the connect that follows a batch of numbered messages acknowledges them.
            bayeux.addExtension(new ClientSession.Extension() {
                @Override
                public boolean sendMeta(ClientSession session, Message.Mutable message) {
                    long seq = Channel.META_CONNECT.equals(message.getChannel()) ? takeAcknowledgement() : 0;
                    if (seq > 0) {
                        message.getExt(true).putAll(dialect.connectAck(ackApplication, seq));
                    }
                    return true;
                }
            });
        }
        bayeux.getChannel(Channel.META_HANDSHAKE).addListener(
                (ClientSessionChannel.MessageListener) (c, m) -> onHandshake(m));
        bayeux.getChannel(Channel.META_CONNECT).addListener(
                (ClientSessionChannel.MessageListener) (c, m) -> onConnect(m));
        for (String channel : dialect.receiveChannels()) {
            bayeux.getChannel(channel).addListener((ClientSessionChannel.MessageListener) (c, m) -> onMessage(m));
        }
    }

    /**
     * Starts the handshake; over WebSocket this call opens the socket and so blocks until it is open.
     *
     * @param scenario the scenario, which decides the handshake's fields
     */
    void handshake(Scenario scenario) {
        handshakeStart = System.nanoTime();
        bayeux.handshake(new HashMap<>(dialect.handshake(scenario)), null);
    }

    /** @return this client's index in the run, which its messages' ids carry and its send lane is chosen by */
    int index() {
        return index;
    }

    /** @return nanoseconds from the handshake's start to now */
    long sinceHandshake() {
        return System.nanoTime() - handshakeStart;
    }

    private void onHandshake(Message message) {
        if (message.isSuccessful()) {
            if (handshakes.incrementAndGet() > 1) {
                metrics.reconnection();
            }
        } else if (!closing) {
            metrics.error(Metrics.Failure.HANDSHAKE);
            settle(false);
        }
    }

    private void onConnect(Message message) {
        if (message.isSuccessful()) {
            settle(true);
        } else if (!closing) {
            metrics.error(Metrics.Failure.CONNECT);
            settle(false);
        }
    }

    private void settle(boolean ok) {
        if (settled.compareAndSet(false, true)) {
            events.settled(this, ok);
        }
    }

    private void onMessage(Message message) {
        if (message.isPublishReply()) {
            return;
        }
        if (dialect.acknowledges()) {
            handled(message.getChannel(), dialect.seq(message));
        }
        Map<String, Object> data = dialect.incoming(message);
        if (data == null) {
            return;
        }
        if (data.get("t") instanceof Number sent) {
            DeliveryLedger.Phase sentIn = data.get("w") instanceof Number w ? DeliveryLedger.Phase.of(w.longValue())
                    : null;
            if (!(data.get("i") instanceof Number id) || sentIn == null) {
                metrics.error(Metrics.Failure.ANSWER);
                return;
            }
            if (!received.first(id.longValue())) {
                metrics.duplicate();
                return;
            }
            metrics.received(sent.longValue(), sentIn);
            if (data.get("room") == null) {
                events.echoed(this);
            }
        } else if (data.containsKey("joined")) {
            events.joined(this);
        } else if (data.get("stats") instanceof Map<?, ?> stats) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) stats;
            events.stats(typed);
        } else if (!closing) {
            metrics.error(Metrics.Failure.ANSWER);
        }
    }

    /** Records a numbered message as handled, and acknowledges it within {@value #ACK_DELAY_MILLIS} ms. */
    private void handled(String channel, long seq) {
        if (seq < 0) {
            return;
        }
        if (ackApplication == null) {
            // The application that numbered it: /thywill/{app} or /thywill/{app}/channel/{name}.
            ackApplication = channel.split("/")[2];
        }
        handled.accumulateAndGet(seq, Math::max);
        if (ackScheduled.compareAndSet(false, true)) {
            resources.scheduler().schedule(this::acknowledge, ACK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Acknowledges by publishing what no connect has carried within {@value #ACK_DELAY_MILLIS} ms. */
    private void acknowledge() {
        ackScheduled.set(false);
        if (!closing && bayeux.isConnected()) {
            long last = takeAcknowledgement();
            if (last > 0) {
                bayeux.getChannel("/service/thywill/" + ackApplication).publish(dialect.ack(last), this::onReply);
            }
        }
    }

    /** @return the last seq handled and not acknowledged yet, now counted as acknowledged; 0 if none */
    private synchronized long takeAcknowledgement() {
        long last = handled.get();
        if (last > acknowledged && ackApplication != null) {
            acknowledged = last;
            return last;
        }
        return 0;
    }

    /** Sends one timestamped echo, expecting it back. */
    void echo() {
        Map<String, Object> data = new HashMap<>(8);
        data.put("t", System.nanoTime());
        data.put("i", nextId());
        data.put("p", filler);
        publish(dialect.echoChannel(), data, 1);
    }

    /**
     * Asks the server to add this client to a room.
     *
     * @param name the room
     */
    void join(String name) {
        this.room = name;
        command(Map.of("cmd", "join", "room", name));
    }

    /** @return the room this client joined, or null */
    String room() {
        return room;
    }

    /**
     * Publishes one timestamped message into a room.
     *
     * @param name the room
     * @param members the deliveries it should cause
     */
    void broadcast(String name, int members) {
        Map<String, Object> data = new HashMap<>(8);
        data.put("cmd", "broadcast");
        data.put("room", name);
        data.put("t", System.nanoTime());
        data.put("i", nextId());
        data.put("p", filler);
        publish(dialect.commandChannel(), data, members);
    }

    /**
     * Asks the server for its process's measurements; the answer arrives at {@link Events#stats}.
     *
     * @param collectGarbage whether the server should collect garbage first
     */
    void stats(boolean collectGarbage) {
        command(Map.of("cmd", "stats", "gc", collectGarbage));
    }

    private long nextId() {
        return ReceivedIds.id(index, sentCount.getAndIncrement());
    }

    /** Publishes a command, which is not counted as a sent message. */
    private void command(Map<String, Object> data) {
        bayeux.getChannel(dialect.commandChannel()).publish(dialect.outgoing(data), this::onReply);
    }

    /** Counts the message as sent and stamps it with the phase it was counted in, for its receivers. */
    private void publish(String channel, Map<String, Object> data, long expected) {
        data.put("w", metrics.sent(expected).ordinal());
        bayeux.getChannel(channel).publish(dialect.outgoing(data), this::onReply);
    }

    private void onReply(Message reply) {
        if (!reply.isSuccessful() && !closing) {
            metrics.error(Metrics.Failure.PUBLISH);
        }
    }

    /** @return true while connected */
    boolean isConnected() {
        return bayeux.isConnected();
    }

    /**
     * Disconnects politely.
     *
     * @param done called when the server has answered, or at once if the client is not connected
     */
    void disconnect(Runnable done) {
        closing = true;
        if (bayeux.isDisconnected()) {
            done.run();
            return;
        }
        bayeux.disconnect(reply -> done.run());
    }

    /** Drops the connection without a goodbye: for clients that did not disconnect in time. */
    void abort() {
        closing = true;
        bayeux.abort();
    }
}
