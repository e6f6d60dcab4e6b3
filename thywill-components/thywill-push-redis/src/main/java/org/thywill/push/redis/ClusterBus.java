package org.thywill.push.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes' pub/sub channel: publishes from any thread (Redis keeps the order of one node's publications), and
 * hands what arrives to one thread of its own, in arrival order, so that a slow delivery never holds up Redis's
 * threads and one sender's messages stay in order.
 *
 * <p>Deliveries are also appended to the cluster's log in the same atomic step, and the bus remembers the last one
 * it handed on: its position, which the node records in Redis so that, if it dies, the nodes that take over its
 * sessions replay from the log what it may not have handled.
 */
final class ClusterBus {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
    private static final int CATCH_UP_BATCH = 1000;
    private static final int HELD_LIMIT = 100_000;
    /** The most deliveries that wait for Redis while it is unreachable. */
    static final int BACKLOG_LIMIT = 10_000;

    private final RedisLink link;
    private final ClusterStore store;
    private final String channel;
    private final long retainMillis;
    private volatile ExecutorService thread;
    private volatile String position;
    private final Deque<String> backlog = new ArrayDeque<>();
    private volatile int waiting;
    private int dropped;
    /** Bus-thread state: whether arrivals are held, what was held, and how many did not fit. */
    private boolean paused;
    private final List<BusMessage> held = new ArrayList<>();
    private int heldDropped;
    private volatile Consumer<BusMessage> receiver = message -> { };

    /**
     * @param link the connection to Redis
     * @param store the shared state, which keeps the log
     * @param channel the pub/sub channel
     * @param retainMillis how long the log keeps a delivery
     */
    ClusterBus(RedisLink link, ClusterStore store, String channel, long retainMillis) {
        this.link = link;
        this.store = store;
        this.channel = channel;
        this.retainMillis = retainMillis;
    }

    /** @param receiver told of every message, this node's own included, on the bus's thread */
    void start(String node, Consumer<BusMessage> receiver) {
        this.receiver = receiver;
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "thywill-redis-bus-" + node);
            t.setDaemon(true);
            return t;
        });
    }

    void stop() {
        ExecutorService running = thread;
        thread = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /**
     * Starts the position at the log's end, once subscribed: what was published before concerns no session of
     * this node. A position the bus already reached is kept.
     */
    void startPosition() {
        String tail = link.await(store.logTail());
        synchronized (this) {
            if (position == null) {
                position = tail;
            }
        }
    }

    /** @return the last log entry handed on to this node's clients, or null before {@link #startPosition()} */
    String position() {
        return position;
    }

    /**
     * Runs a task on the bus's thread, after what arrived before it.
     *
     * @param task the task
     */
    void execute(Runnable task) {
        ExecutorService running = thread;
        if (running != null) {
            try {
                running.execute(task);
            } catch (RejectedExecutionException stopping) {
                // stopping
            }
        }
    }

    /** @return the channel to subscribe to */
    String channel() {
        return channel;
    }

    /**
     * Publishes without waiting. While Redis is unreachable, deliveries wait (up to {@value #BACKLOG_LIMIT}, the
     * oldest dropped beyond that) and are published in order when it is back; other messages are dropped (the link
     * logs the outage).
     *
     * @param message the message
     */
    void publish(BusMessage message) {
        String text = message.encode();
        if (message.kind().logged()) {
            if (waiting > 0 || !link.up()) {
                synchronized (backlog) {
                    if (!backlog.isEmpty() || !link.up()) {
                        keep(text);
                        return;
                    }
                }
            }
        }
        try {
            send(message.kind(), message.kind().logged() ? store.log(text, retainMillis)
                    : link.commands().publish(channel, text));
        } catch (RuntimeException e) {
            LOG.debug("A {} message was not published: {}", message.kind(), e.getMessage());
        }
    }

    /** Keeps a delivery for when Redis is back; the caller holds the backlog's lock. */
    private void keep(String text) {
        if (backlog.size() >= BACKLOG_LIMIT) {
            backlog.removeFirst();
            if (dropped++ == 0) {
                LOG.error("More than {} deliveries to other nodes are waiting for Redis: the oldest are dropped",
                        BACKLOG_LIMIT);
            }
        }
        backlog.addLast(text);
        waiting = backlog.size();
    }

    /** Redis is back: publishes the deliveries that waited for it, in the order they were sent. */
    void flushBacklog() {
        synchronized (backlog) {
            int published = 0;
            try {
                while (!backlog.isEmpty() && link.up()) {
                    send(BusMessage.Kind.SESSION, store.log(backlog.peekFirst(), retainMillis));
                    backlog.removeFirst();
                    published++;
                }
            } catch (RuntimeException e) {
                LOG.debug("Redis went away again while the waiting deliveries were published: {}", e.getMessage());
            }
            waiting = backlog.size();
            if (published > 0 || dropped > 0) {
                LOG.warn("Published {} deliveries to other nodes that waited for Redis ({} dropped)", published,
                        dropped);
            }
            dropped = 0;
        }
    }

    private static void send(BusMessage.Kind kind, CompletionStage<?> reply) {
        reply.exceptionally(e -> {
            LOG.debug("A {} message was not published: {}", kind, e.getMessage());
            return null;
        });
    }

    /** Called on a Lettuce thread with what arrived. */
    void arrived(String text) {
        ExecutorService running = thread;
        if (running == null) {
            return;
        }
        try {
            running.execute(() -> {
                BusMessage message;
                try {
                    message = BusMessage.decode(text);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Ignored a message on {} that is not Thywill's: {}", channel, e.getMessage());
                    return;
                }
                if (paused) {
                    hold(message);
                } else {
                    hand(message);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // stopping
        }
    }

    private void hold(BusMessage message) {
        if (held.size() < HELD_LIMIT) {
            held.add(message);
        } else if (heldDropped++ == 0) {
            LOG.warn("More than {} bus messages arrived while this node was catching up; the rest are read from the"
                    + " log", HELD_LIMIT);
        }
    }

    /**
     * A connection to Redis was lost: from now on, what arrives over the bus is held until {@link #resume}, so
     * that nothing newer is handed on before what was missed meanwhile is read from the log.
     */
    void pause() {
        execute(() -> paused = true);
    }

    /**
     * The subscription is back: reads from the log, if asked, what was published after the position, then hands
     * on what was held, skipping what the log gave already, and lets the bus flow again.
     *
     * @param catchUp whether to read the log (not when the other nodes declared this one down meanwhile: they
     *                replayed those deliveries to its sessions)
     */
    void resume(boolean catchUp) {
        execute(() -> {
            if (!paused) {
                return;
            }
            if (catchUp) {
                readLog();
            }
            List<BusMessage> waiting = new ArrayList<>(held);
            held.clear();
            paused = false;
            if (heldDropped > 0 && !catchUp) {
                LOG.warn("{} bus messages that arrived while this node was away were dropped", heldDropped);
            }
            heldDropped = 0;
            waiting.forEach(this::hand);
        });
    }

    /**
     * Hands a message on, on the bus's thread, unless it is a delivery at or before the position: the log and the
     * bus carry deliveries in one order, so such a delivery was read from the log already (catching up).
     */
    private void hand(BusMessage message) {
        if (message.id() != null) {
            String at = position;
            if (at != null && LogIds.compare(message.id(), at) <= 0) {
                return;
            }
        }
        try {
            receiver.accept(message);
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a {} message from node {}", message.kind(), message.origin(), e);
        }
        if (message.id() != null) {
            synchronized (this) {
                position = message.id();
            }
        }
    }

    /** Reads, on the bus's thread, what the log kept after the position, and hands it on in order. */
    private void readLog() {
        String from = position;
        if (from == null) {
            return;
        }
        int handed = 0;
        try {
            while (true) {
                List<ClusterStore.LogEntry> entries = link.await(store.after(from, "+", CATCH_UP_BATCH));
                for (ClusterStore.LogEntry entry : entries) {
                    try {
                        hand(BusMessage.decode(entry.id(), entry.text()));
                        handed++;
                    } catch (IllegalArgumentException e) {
                        LOG.warn("Skipped an entry of the cluster's log that is not Thywill's: {}", e.getMessage());
                    }
                    from = entry.id();
                }
                if (entries.size() < CATCH_UP_BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not catch up with the cluster's log after {}: {}", from, e.getMessage());
        }
        if (handed > 0) {
            LOG.warn("Caught up with {} deliveries published while this node could not hear the bus", handed);
        }
    }
}
