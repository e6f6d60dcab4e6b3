package org.thywill.push.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.delivery.AppSession;

/**
 * Cluster membership by heartbeats, on a thread of its own: every {@code heartbeatInterval} the node renews a Redis
 * key that expires after {@code nodeTimeout}, learns which nodes are up, declares down (exactly once, whichever
 * node gets there first) those whose key expired, taking over their sessions' messages for the grace period, and
 * ends the presence of sessions whose grace period is over.
 */
final class NodeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(NodeWatch.class);

    /** How often the node records its position in the log: what it handled in the last such period before it
     *  died is replayed to its sessions, and may reach them twice. */
    static final long POSITION_MILLIS = 200;

    private final String node;
    private final ClusterStore store;
    private final RedisLink link;
    private final ClusterSessions sessions;
    private final Consumer<BusMessage> publish;
    private final Supplier<String> position;
    private final Runnable everyBeat;
    private final Consumer<Boolean> resumeBus;
    private final Duration interval;
    private final Duration timeout;
    private final long graceMillis;
    private volatile ScheduledExecutorService thread;
    private volatile Set<String> up = Set.of();
    private volatile boolean beating;
    private boolean started;
    /** Whether a heartbeat since the bus last resumed found this node declared down (watch thread only). */
    private boolean rejoined;
    private String positionWritten;

    /**
     * @param node this node's id
     * @param store the shared state
     * @param link the connection to Redis
     * @param sessions told of departures, and asked to register this node's sessions again
     * @param publish tells the other nodes of a node that went down
     * @param position how far this node has handled the cluster's log, recorded in Redis every
     *                 {@value #POSITION_MILLIS} ms
     * @param everyBeat run at every heartbeat, Redis reachable or not
     * @param resumeBus lets the bus flow again after an outage, reading the log first if given true
     * @param interval how often to heart-beat
     * @param timeout how long a silent node stays up
     * @param grace the presence grace period
     */
    NodeWatch(String node, ClusterStore store, RedisLink link, ClusterSessions sessions,
              Consumer<BusMessage> publish, Supplier<String> position, Runnable everyBeat, Consumer<Boolean> resumeBus,
              Duration interval, Duration timeout, Duration grace) {
        this.node = node;
        this.store = store;
        this.link = link;
        this.sessions = sessions;
        this.publish = publish;
        this.position = position;
        this.everyBeat = everyBeat;
        this.resumeBus = resumeBus;
        this.interval = interval;
        this.timeout = timeout;
        this.graceMillis = grace.toMillis();
    }

    /** Heart-beats once now, so the node is registered when start-up ends, then every interval. */
    void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "thywill-redis-heartbeat-" + node);
            t.setDaemon(true);
            return t;
        });
        beat();
        recordPosition();
        thread.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::recordPosition, POSITION_MILLIS, POSITION_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Stops heart-beating; the other nodes declare this one down after the timeout unless it left politely. */
    void stop() {
        ScheduledExecutorService running = thread;
        thread = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(RedisLink.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Both connections to Redis are back: heart-beats at once, on the watch's thread. The bus flows again when its
     * subscription is confirmed ({@link #resubscribed}), or two intervals from now if only the command connection
     * was lost (the subscription then never needed renewing).
     */
    void restored() {
        ScheduledExecutorService running = thread;
        if (running == null) {
            return;
        }
        try {
            running.execute(this::beat);
            running.schedule(this::resubscribed, interval.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stopping
        }
    }

    /**
     * The bus's subscription is back: heart-beats, on the watch's thread, and lets the bus flow again, catching up
     * from the log with what was published meanwhile, unless the other nodes declared this one down meanwhile
     * (they replayed those deliveries to its sessions). Tries again every interval until a heartbeat succeeds.
     */
    void resubscribed() {
        ScheduledExecutorService running = thread;
        if (running == null) {
            return;
        }
        try {
            running.execute(() -> {
                beat();
                if (beating) {
                    resumeBus.accept(!rejoined);
                    rejoined = false;
                } else {
                    running.schedule(this::resubscribed, interval.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // stopping
        }
    }

    /** @return the nodes that were up at the last heartbeat, this one included */
    Set<String> up() {
        return up;
    }

    /** @return whether the last heartbeat reached Redis */
    boolean beating() {
        return beating;
    }

    private void beat() {
        everyBeat.run();
        try {
            // The key outlives the last heartbeat by less than the timeout, so that another node, looking once
            // per interval, declares this one down within the timeout.
            ClusterStore.Beat beat = link.await(store.heartbeat(timeout.minus(interval).toMillis()));
            beating = true;
            up = Set.copyOf(new TreeSet<>(beat.up()));
            // Registered on a later beat: the other nodes declared this one down while it could not reach Redis.
            rejoined |= beat.registered() && started;
            started = true;
            if (beat.registered()) {
                // First beat, or other nodes declared this one down (Redis was away too long): register the
                // sessions connected here again, and drop whatever a former run of this node id left behind.
                sessions.register();
            }
            for (String silent : beat.silent()) {
                if (!silent.equals(node)) {
                    declareDown(silent);
                }
            }
            sessions.departed(link.await(store.depart(timeout.toMillis())));
            sessions.stopLingering();
        } catch (ThywillException e) {
            if (beating && link.up()) {
                LOG.warn("Node {} could not heart-beat: {}", node, e.getMessage());
            }
            beating = false;
        } catch (RuntimeException e) {
            beating = false;
            LOG.error("Node {} failed while heart-beating", node, e);
        }
    }

    private void recordPosition() {
        String now = position.get();
        if (now == null || now.equals(positionWritten) || !link.up()) {
            return;
        }
        try {
            link.await(store.position(now));
            positionWritten = now;
        } catch (RuntimeException e) {
            LOG.debug("Node {} could not record its position in the log: {}", node, e.getMessage());
        }
    }

    private void declareDown(String silent) {
        ClusterStore.Released released = link.await(store.release(silent, true, graceMillis));
        if (released == null) {
            return; // another node declared it down first
        }
        LOG.warn("Node {} declared node {} down: it stopped heart-beating; {} of its sessions lost their"
                + " connections there and {} lingered there; this node keeps the messages of the {} not connected"
                + " elsewhere until they reconnect or the grace period ends", node, silent,
                released.sessions().size(), released.lingering().size(), released.orphans().size());
        sessions.takeOver(released.orphans());
        publish.accept(BusMessage.of(node, BusMessage.Kind.NODE_DOWN, "node", silent,
                "sessions", pairs(released.sessions()), "lingering", pairs(released.lingering()),
                "from", released.position()));
    }

    private static List<Object> pairs(List<AppSession> sessions) {
        List<Object> pairs = new ArrayList<>(sessions.size());
        for (AppSession key : sessions) {
            pairs.add(List.of(key.applicationId(), key.session().value()));
        }
        return pairs;
    }
}
