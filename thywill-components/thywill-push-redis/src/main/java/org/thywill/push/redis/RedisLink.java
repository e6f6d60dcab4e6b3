package org.thywill.push.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * The node's two connections to Redis (one for commands, one subscribed to the cluster's bus) and whether they are
 * up. Lettuce reconnects and resubscribes by itself; this logs an outage once when it starts and once when it ends,
 * rejects commands meanwhile (so no caller waits on a dead link), and says when the link is whole again.
 */
final class RedisLink {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    /** How long a command may take before its caller gives up on it. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final RedisPushSettings settings;
    private final Set<RedisChannelHandler<?, ?>> down = ConcurrentHashMap.newKeySet();
    private volatile ClientResources resources;
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile Instant downSince;
    private volatile Events events = Events.NONE;
    private volatile boolean stopping;

    /** @param settings where Redis is and how to log in */
    RedisLink(RedisPushSettings settings) {
        this.settings = settings;
    }

    /** What the link tells of its connections, on Lettuce threads: each must return at once. */
    interface Events {
        /** Tells nothing. */
        Events NONE = new Events() {
        };

        /** A connection to Redis was lost (told once per outage). */
        default void lost() {
        }

        /** Both connections are back after an outage. */
        default void restored() {
        }

        /** The bus's subscription is back after a reconnection: from now on every publication arrives. */
        default void resubscribed() {
        }
    }

    /**
     * Connects and subscribes to the bus.
     *
     * @param bus the pub/sub channel to subscribe to
     * @param onMessage receives each bus message, on a Lettuce thread: it must hand it on at once
     * @param events told when the connections are lost and back
     * @throws ThywillException when Redis cannot be reached or refuses the login
     */
    void start(String bus, Consumer<String> onMessage, Events events) {
        this.events = events;
        Duration reconnectCap = settings.heartbeatInterval().compareTo(Duration.ofSeconds(2)) < 0
                ? settings.heartbeatInterval() : Duration.ofSeconds(2);
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(1)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), reconnectCap, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.database())
                .withSsl(settings.tls())
                .withClientName("thywill-" + settings.nodeId())
                .withTimeout(COMMAND_TIMEOUT);
        if (!settings.password().isEmpty()) {
            uri.withPassword(settings.password().toCharArray());
        }
        client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        client.addListener(new StateListener());
        try {
            connection = client.connect();
            subscriber = client.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                private boolean subscribedBefore;

                @Override
                public void message(String channel, String message) {
                    onMessage.accept(message);
                }

                @Override
                public void subscribed(String channel, long count) {
                    // Lettuce subscribes again by itself after a reconnection, a moment after the connection is
                    // back: only from the confirmation on does every publication arrive.
                    if (subscribedBefore) {
                        RedisLink.this.events.resubscribed();
                    }
                    subscribedBefore = true;
                }
            });
            subscriber.sync().subscribe(bus);
        } catch (RuntimeException e) {
            stop();
            throw new ThywillException("Cannot reach Redis at " + settings.address() + " (" + e.getMessage()
                    + "). Check that Redis runs there and that push.uri, push.password and push.tls match it.", e);
        }
        LOG.info("Node {} connected to Redis at {}", settings.nodeId(), settings.address());
    }

    /** Closes both connections and the client's threads. */
    void stop() {
        stopping = true;
        events = Events.NONE;
        closeQuietly(subscriber);
        closeQuietly(connection);
        RedisClient c = client;
        if (c != null) {
            c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        ClientResources r = resources;
        if (r != null) {
            r.shutdown(0, 2, TimeUnit.SECONDS);
        }
        client = null;
        resources = null;
    }

    /** @return the asynchronous commands; they fail at once while Redis is unreachable */
    RedisAsyncCommands<String, String> commands() {
        return connection.async();
    }

    /** @return whether both connections are up */
    boolean up() {
        return down.isEmpty() && connection != null && connection.isOpen();
    }

    /** @return since when Redis has been unreachable, or null while it is reachable */
    Instant downSince() {
        return downSince;
    }

    /**
     * Waits for a command's result.
     *
     * @param reply the command's reply
     * @param <T> the result's type
     * @return the result
     * @throws ThywillException when Redis failed, is unreachable or did not answer in time
     */
    <T> T await(CompletionStage<T> reply) {
        try {
            return reply.toCompletableFuture().get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThywillException("Interrupted while waiting for Redis at " + settings.address(), e);
        } catch (ExecutionException e) {
            throw new ThywillException("Redis at " + settings.address() + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ThywillException("Redis at " + settings.address() + " did not answer within "
                    + COMMAND_TIMEOUT.toSeconds() + "s", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception | LinkageError e) {
            LOG.debug("Closing a Redis connection failed", e);
        }
    }

    /** Tracks which connection is down, logging the first loss and the full recovery. */
    private final class StateListener implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            boolean wasDown;
            synchronized (down) {
                wasDown = down.remove(handler) && down.isEmpty();
            }
            if (wasDown) {
                Instant since = downSince;
                downSince = null;
                LOG.warn("Node {} reached Redis at {} again after {} ms: cross-node delivery resumes",
                        settings.nodeId(), settings.address(),
                        since == null ? 0 : Duration.between(since, Instant.now()).toMillis());
                events.restored();
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            if (stopping) {
                return;
            }
            boolean first;
            synchronized (down) {
                first = down.isEmpty() && down.add(handler);
                if (!first) {
                    down.add(handler);
                }
            }
            if (first) {
                downSince = Instant.now();
                events.lost();
                LOG.error("Node {} lost Redis at {}: it serves its own clients only, and messages to or from other"
                        + " nodes are dropped, until Redis is back (it reconnects by itself)", settings.nodeId(),
                        settings.address());
            }
        }
    }
}
