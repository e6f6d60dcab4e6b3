package org.thywill.push.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.thywill.api.Health;
import org.thywill.api.admin.ClusterAdmin;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Envelopes;
import org.thywill.delivery.AppSession;
import org.thywill.delivery.MembershipPush;
import org.thywill.delivery.PresenceEvents;
import org.thywill.delivery.SessionInboxes;

/**
 * The Push {@code redis}: several nodes behind a load balancer act as one server. A send is delivered at once to
 * this node's own targets through the local Client Interface and published once on the cluster's Redis channel,
 * where every other node delivers it to its own targets; so each connection, on whichever node, gets it exactly
 * once, and one sender's messages arrive in the order sent. Membership and presence live in Redis.
 *
 * <p>A node's targets are the sessions it holds: those connected to it, and, until they depart or arrive on
 * another node, those whose last connection ended here or whose node this node declared down. Messages to
 * sessions and channels go
 * through this node's session inboxes, so those of a session without a connection wait (in memory and
 * in the shared Database) for its next connection, here or, read from the Database, on another node.
 */
final class RedisPush extends MembershipPush implements ClusterAdmin {

    /** The parts membership needs, made before the Push itself. */
    private static final class Cluster {
        final RedisLink link;
        final ClusterStore store;
        final ClusterBus bus;
        final PresenceEvents events = new PresenceEvents("thywill-redis-presence");
        final ClusterSessions sessions;

        Cluster(RedisPushSettings settings) {
            Keys keys = new Keys(settings.keyPrefix());
            link = new RedisLink(settings);
            store = new ClusterStore(link, keys, settings.nodeId());
            bus = new ClusterBus(link, store, keys.bus(), settings.logRetention().toMillis());
            sessions = new ClusterSessions(settings.nodeId(), store, link, events, bus::publish,
                    settings.presenceGrace(), settings.nodeTimeout());
        }
    }

    private final RedisPushSettings settings;
    private final RedisLink link;
    private final ClusterBus bus;
    private final ClusterSessions sessions;
    private final NodeWatch watch;
    private final LogReplay replay;
    private final RemoteReceipts receipts;

    /**
     * @param settings the push section
     * @param clients the local Client Interface, which delivers to this node's connections
     * @param sessionLifetime the Database's session lifetime: the memberships of sessions idle that long are
     *                        removed from Redis; empty to keep them until they are left
     * @param inboxes this node's session inboxes, kept on top of {@code clients}
     * @param database the Database, which keeps each session's user and each user's channels
     */
    RedisPush(RedisPushSettings settings, ClientInterface clients, Optional<Duration> sessionLifetime,
              SessionInboxes inboxes, Database database) {
        this(settings, clients, sessionLifetime, inboxes, database, new Cluster(settings));
    }

    private RedisPush(RedisPushSettings settings, ClientInterface clients, Optional<Duration> sessionLifetime,
                      SessionInboxes inboxes, Database database, Cluster cluster) {
        super(clients, inboxes, cluster.sessions, cluster.events, database);
        this.settings = settings;
        this.link = cluster.link;
        this.bus = cluster.bus;
        this.sessions = cluster.sessions;
        ClusterStore store = cluster.store;
        this.receipts = new RemoteReceipts(settings.nodeId(), bus::publish);
        Optional<MembershipSweep> sweep = sessionLifetime.map(lifetime -> new MembershipSweep(store, lifetime));
        Runnable everyBeat = () -> {
            receipts.expire();
            sweep.ifPresent(MembershipSweep::maybeRun);
        };
        this.watch = new NodeWatch(settings.nodeId(), store, link, sessions, bus::publish, bus::position,
                everyBeat, bus::resume, settings.heartbeatInterval(), settings.nodeTimeout(),
                settings.presenceGrace());
        this.replay = new LogReplay(settings.nodeId(), store, link, sessions, inboxes, receipts);
    }

    @Override
    public String nodeId() {
        return settings.nodeId();
    }

    @Override
    public Set<String> nodesUp() {
        return watch.up();
    }

    @Override
    public boolean reachable() {
        return watch.beating();
    }

    @Override
    public void start() {
        startDelivery();
        bus.start(settings.nodeId(), this::received);
        try {
            link.start(bus.channel(), bus::arrived, new RedisLink.Events() {
                @Override
                public void lost() {
                    bus.pause();
                }

                @Override
                public void restored() {
                    bus.execute(bus::flushBacklog);
                    watch.restored();
                }

                @Override
                public void resubscribed() {
                    watch.resubscribed();
                }
            });
            bus.startPosition();
            watch.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        listen();
    }

    @Override
    public void stop() {
        receipts.stop();
        watch.stop();
        link.stop();
        bus.stop();
        stopListening();
    }

    @Override
    public Health health() {
        Instant since = link.downSince();
        if (since != null || !link.up()) {
            return Health.down("degraded: Redis at " + settings.address() + " unreachable"
                    + (since == null ? "" : " for " + Duration.between(since, Instant.now()).toSeconds() + "s")
                    + "; node " + settings.nodeId() + " serves its own clients only");
        }
        if (!watch.beating()) {
            return Health.down("degraded: node " + settings.nodeId() + " cannot heart-beat through Redis at "
                    + settings.address());
        }
        return Health.up("node " + settings.nodeId() + " of a cluster of " + watch.up().size() + " up "
                + watch.up() + " through Redis at " + settings.address());
    }

    @Override
    protected Sent deliver(String applicationId, Target target, Map<String, Object> envelope) {
        if (target instanceof Target.ToConnection to) {
            return to.receipted() ? toConnectionReceipted(applicationId, to, envelope)
                    : Sent.withoutReceipt(toConnection(to.connection(), applicationId, envelope) ? 1 : 0, to);
        }
        if (target instanceof Target.ToSession to) {
            return toSession(applicationId, to, Envelopes.identified(envelope));
        }
        Target.ToChannel to = (Target.ToChannel) target;
        Map<String, Object> identified = Envelopes.identified(envelope);
        bus.publish(BusMessage.of(settings.nodeId(), BusMessage.Kind.CHANNEL, "app", applicationId,
                "channel", to.channel(), "envelope", identified,
                "exceptConnection", to.exceptConnection() == null ? null : to.exceptConnection().value(),
                "exceptSession", to.exceptSession() == null ? null : to.exceptSession().value(),
                "atMostOnce", to.throughInboxes() ? null : Boolean.TRUE));
        return Sent.withoutReceipt(local.toChannel(applicationId, to, identified), to);
    }

    /** Ends the user's connections here, and on the other nodes as they hear of it on the bus. */
    @Override
    public int disconnectUser(String userId, String message) {
        int ended = super.disconnectUser(userId, message);
        bus.publish(BusMessage.of(settings.nodeId(), BusMessage.Kind.SIGN_OUT, "user", userId, "message", message));
        return ended;
    }

    private boolean toConnection(ConnectionId connection, String applicationId, Map<String, Object> envelope) {
        if (clients.connection(connection).isPresent()) {
            return clients.deliver(List.of(connection), Envelopes.applicationChannel(applicationId), envelope) == 1;
        }
        bus.publish(BusMessage.of(settings.nodeId(), BusMessage.Kind.CONNECTION, "connection", connection.value(),
                "app", applicationId, "envelope", envelope));
        return link.up();
    }

    private Sent toConnectionReceipted(String applicationId, Target.ToConnection to, Map<String, Object> envelope) {
        if (clients.connection(to.connection()).isPresent()) {
            return local.toConnection(applicationId, to, envelope);
        }
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        if (!link.up()) {
            receipt.completeExceptionally(new DeliveryFailedException(DeliveryFailure.NODE_LOST, 0));
        } else {
            // A live node that has the connection answers within milliseconds; one that died took it along.
            String id = receipts.open(receipt, settings.nodeTimeout().toMillis());
            bus.publish(BusMessage.of(settings.nodeId(), BusMessage.Kind.CONNECTION, "connection",
                    to.connection().value(), "app", applicationId, "envelope", envelope, "receipt", id));
        }
        return new Sent(0, receipt);
    }

    /** Its id was given before its copies part: the node that replays it after a crash sends it under the same id. */
    private Sent toSession(String applicationId, Target.ToSession to, Map<String, Object> envelope) {
        SessionId session = to.session();
        if (!to.receipted()) {
            publishToSession(session, applicationId, envelope, null);
            return keepsHere(session, applicationId) ? local.toSession(applicationId, to, envelope)
                    : Sent.withoutReceipt(0, to);
        }
        if (keepsHere(session, applicationId)) {
            publishToSession(session, applicationId, envelope, null);
            return local.toSession(applicationId, to, envelope);
        }
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        if (!link.up()) {
            receipt.completeExceptionally(new DeliveryFailedException(DeliveryFailure.NODE_LOST, 0));
        } else {
            // The node holding the session answers at once; if it is dead, the node that replays the message to
            // the session once it is declared down answers then, within the log's retention.
            publishToSession(session, applicationId, envelope,
                    receipts.open(receipt, settings.logRetention().toMillis()));
        }
        return new Sent(0, receipt);
    }

    /** What another node (or, for a node going down, this one) published. */
    private void received(BusMessage message) {
        boolean own = message.origin().equals(settings.nodeId());
        switch (message.kind()) {
            case CONNECTION -> {
                ConnectionId target = new ConnectionId(message.text("connection"));
                if (!own && clients.connection(target).isPresent()) {
                    String app = message.text("app");
                    receipts.deliver(message, receipt -> receipt == null
                            ? clients.deliver(List.of(target), Envelopes.applicationChannel(app),
                                    message.envelope()) == 1
                            : inboxes.deliverReceipted(target, app, message.envelope(), receipt));
                }
            }
            case SESSION -> {
                SessionId session = new SessionId(message.text("session"));
                if (!own && sessions.holds(message.text("app"), session)) {
                    receipts.deliver(message, receipt -> {
                        inboxes.deliver(session, message.text("app"), message.envelope(), receipt);
                        return true;
                    });
                }
            }
            case HELD, RECEIPT -> receipts.answered(message);
            case SIGN_OUT -> {
                if (!own) {
                    disconnectHere(message.text("user"), message.text("message"));
                }
            }
            case CHANNEL -> {
                if (!own) {
                    String except = message.text("exceptSession");
                    String exceptConnection = message.text("exceptConnection");
                    local.toChannel(message.text("app"), new Target.ToChannel(message.text("channel"),
                            exceptConnection == null ? null : new ConnectionId(exceptConnection),
                            except == null ? null : new SessionId(except),
                            !Boolean.TRUE.equals(message.fields().get("atMostOnce"))), message.envelope());
                }
            }
            case JOIN -> {
                if (!own) {
                    sessions.followJoin(message.text("app"), message.text("channel"),
                            new SessionId(message.text("session")));
                }
            }
            case LEAVE -> {
                if (!own) {
                    sessions.followLeave(message.text("app"), message.text("channel"),
                            new SessionId(message.text("session")));
                }
            }
            case ARRIVED -> {
                if (!own) {
                    sessions.arrivedElsewhere(message.text("app"), new SessionId(message.text("session")));
                }
            }
            case NODE_DOWN -> {
                List<AppSession> connected = appSessions(message.list("sessions"));
                List<AppSession> lost = new ArrayList<>(connected);
                lost.addAll(appSessions(message.list("lingering")));
                replay.replay(message.text("node"), message.text("from"), lost);
                receipts.nodeDown(message.text("node"));
                sessions.nodeDown(message.text("node"), connected);
            }
            default -> throw new IllegalStateException("Unknown bus message kind " + message.kind());
        }
    }

    private static List<AppSession> appSessions(List<?> pairs) {
        return pairs.stream()
                .map(pair -> (List<?>) pair)
                .map(pair -> new AppSession((String) pair.get(0), new SessionId((String) pair.get(1))))
                .toList();
    }

    private void publishToSession(SessionId session, String applicationId, Map<String, Object> envelope,
                                  String receipt) {
        bus.publish(BusMessage.of(settings.nodeId(), BusMessage.Kind.SESSION, "session", session.value(),
                "app", applicationId, "envelope", envelope, "receipt", receipt));
    }

    /**
     * Whether this node's inbox takes a session's message: when this node holds the session, or it is present
     * nowhere (then the message waits in the Database for its next connection, on any node).
     */
    private boolean keepsHere(SessionId session, String applicationId) {
        return sessions.holds(applicationId, session) || !sessions.presentElsewhere(applicationId, session);
    }
}
