package org.thywill.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;
import org.thywill.api.push.Envelopes;

/**
 * The session inboxes of this server, kept by the Push on top of any Client Interface: every message to a session is
 * numbered, kept until a connection of the session acknowledges it, written to the Database behind the send, and
 * replayed in order to the session's next connection. Plain CometD clients, which never acknowledge, get messages
 * once without an inbox, unless the session has no connection at all. A session arriving here with no other
 * connection here has its inbox re-read, as another server sharing the Database may have changed it meanwhile.
 */
public final class SessionInboxes implements ConnectionListener, AcknowledgementListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionInboxes.class);

    private final Map<InboxKey, SessionInbox> inboxes = new ConcurrentHashMap<>();
    private final Set<ConnectionId> acknowledging = ConcurrentHashMap.newKeySet();
    private final DeliveryTargets registry = new DeliveryTargets();
    private final ClientInterface clients;
    private final Inbox store;
    private final InboxWriter writer;
    private final InboxSettings settings;
    private final Map<String, InboxLimits> limits = new ConcurrentHashMap<>();
    /** The longest age any application keeps: stored messages older than it are gone for every application. */
    private final Duration longestMaxAge;
    private final InboxLosses losses;
    private final ConnectionReceipts receipts = new ConnectionReceipts();
    private final long sweepMillis;
    private final Timer deliveryLatency;
    private final CatchUp catchUp = new CatchUp(inboxes, this::send);
    private final StoredInboxes stored;
    private ScheduledExecutorService sweeper;

    /**
     * @param clients the Client Interface that delivers to the connections
     * @param database the Database's inbox, asked for once: kept in memory only (with a warning) when the Database
     *                 keeps none
     * @param settings the inbox settings of the Push's section
     * @param metrics where the delivery latency and the inboxes' gauges are registered
     */
    public SessionInboxes(ClientInterface clients, Supplier<Inbox> database, InboxSettings settings,
                          Metrics metrics) {
        Inbox store = StoredInboxes.durable(database);
        this.deliveryLatency = metrics.timer("thywill.delivery.latency", "From an application's send to a session"
                + " (or channel) to the client library's acknowledgement after the page's handlers ran, including"
                + " time the session spent offline.");
        this.clients = clients;
        this.store = store;
        this.settings = settings;
        ObjectMapper json = new ObjectMapper();
        this.stored = new StoredInboxes(store, json);
        this.writer = store == null ? null : new InboxWriter(store, InboxWriter.REMOVE_EVERY, settings.writeDelay(),
                json);
        this.longestMaxAge = settings.longestMaxAge();
        this.sweepMillis = Math.max(100, Math.min(30_000, settings.shortestMaxAge().toMillis() / 4));
        this.losses = new InboxLosses(metrics);
        metrics.gauge("thywill.inbox.messages", "Messages waiting in session inboxes held in memory on this node,"
                + " not yet acknowledged.", () -> inboxes.values().stream().mapToLong(SessionInbox::size).sum());
        metrics.gauge("thywill.inboxes", "Session inboxes held in memory on this node: one per session and"
                + " application that was sent a numbered message or connected with acknowledged delivery lately.",
                inboxes::size);
        metrics.gauge("thywill.inbox.unwritten", "Inbox changes queued for the Database's writer, not yet"
                + " written.", () -> writer == null ? 0 : writer.queued());
    }

    /** Starts the Database's writer and the sweep of expired messages. */
    public void start() {
        if (writer != null) {
            writer.start();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "thywill-inbox-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Fails the receipts still waiting ({@code SERVER_STOPPED}) and writes what is queued for the Database. */
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        inboxes.values().forEach(inbox -> inbox.failAll(DeliveryFailure.SERVER_STOPPED));
        receipts.failAll(DeliveryFailure.SERVER_STOPPED);
        if (writer != null) {
            writer.stop();
        }
    }

    /**
     * A connection that acknowledges arrived: what its session's inboxes hold that it has not handled is replayed
     * to it, in order, before it joins the targets of live messages, so none can overtake its replay and none can
     * slip between. Its own application's inbox is replayed even when {@code handled} does not name it.
     */
    @Override
    public void acknowledging(Connection connection, Map<String, Long> handled) {
        List<SessionInbox> replayed = attach(connection.id(), connection.session(), handled,
                connection.applicationId());
        registry.add(connection, true);
        // The inboxes stop sending to it on their own: it is a target now.
        replayed.forEach(inbox -> inbox.settled(connection.id()));
        endedMeanwhile(connection);
    }

    /** A connection that does not acknowledge arrived (one that does was added by {@link #acknowledging}). */
    @Override
    public void connected(Connection connection) {
        if (!registry.contains(connection.id())) {
            registry.add(connection, false);
            endedMeanwhile(connection);
        }
    }

    /** Detaches a connection that ended while it was being added, perhaps before its disconnection was told. */
    private void endedMeanwhile(Connection connection) {
        if (clients.connection(connection.id()).isEmpty()) {
            disconnected(connection, DisconnectReason.CLIENT);
        }
    }

    private List<SessionInbox> attach(ConnectionId connection, SessionId session, Map<String, Long> handled,
                                      String ownApplication) {
        acknowledging.add(connection);
        Map<String, Long> replays = new HashMap<>(handled);
        replays.putIfAbsent(ownApplication, 0L);
        List<SessionInbox> replayed = new ArrayList<>();
        // With no other connection here, this server may not have held the session meanwhile: another server
        // sharing the Database (a cluster) may have kept or acknowledged its messages.
        boolean arriving = store != null && registry.ofSession(session).isEmpty();
        replays.forEach((applicationId, seq) -> {
            InboxKey key = new InboxKey(session, applicationId);
            SessionInbox held = inboxes.get(key);
            SessionInbox inbox = held == null ? inbox(key) : held;
            if (held != null && arriving) {
                stored.refresh(inbox);
            }
            inbox.replay(connection, seq, p -> send(connection, applicationId, p.envelope()));
            replayed.add(inbox);
        });
        return replayed;
    }

    /** A connection ended: it leaves the targets, and its receipts fail. */
    @Override
    public void disconnected(Connection ended, DisconnectReason reason) {
        ConnectionId connection = ended.id();
        Connection removed = registry.remove(connection);
        SessionId session = removed == null ? null : removed.session();
        acknowledging.remove(connection);
        catchUp.ended(connection);
        receipts.ended(connection);
        if (writer != null && session != null && registry.ofSession(session).isEmpty()) {
            // Messages held for an acknowledgement that will not come from here: the page may come back elsewhere.
            writer.release(session);
        }
    }

    /** Sends to one connection with a receipt number, which its client library acknowledges. */
    public boolean deliverReceipted(ConnectionId connection, String applicationId, Map<String, Object> envelope,
                                    CompletableFuture<Receipt> receipt) {
        if (!registry.contains(connection)) {
            receipt.completeExceptionally(new DeliveryFailedException(
                    DeliveryFailure.DISCONNECTED, 0));
            return false;
        }
        Map<String, Object> numbered = new LinkedHashMap<>(envelope);
        numbered.put("receipt", receipts.register(connection, applicationId, receipt));
        send(connection, applicationId, numbered);
        if (!registry.contains(connection)) {
            receipts.ended(connection); // it ended meanwhile, perhaps before detach could fail the receipt
        }
        return true;
    }

    @Override
    public void receiptAcknowledged(Connection from, long receipt) {
        receipts.acknowledge(from.id(), receipt);
    }

    /**
     * Sends to a session through its inbox (or, when all its connections are plain clients and nobody waits for a
     * receipt, once to them).
     *
     * @param receipt completed when the client acknowledges the message, or null
     * @return how many live connections it was queued for now
     */
    public int deliver(SessionId session, String applicationId, Map<String, Object> envelope,
                       CompletableFuture<Receipt> receipt) {
        return deliver(session, applicationId, Envelopes.identified(envelope), receipt, null);
    }

    /**
     * Sends a channel's message to its member sessions: through their inboxes, numbered, to those with an
     * acknowledging connection or with none at all (a page reloading); the rest, plain clients only, are returned
     * for the caller to deliver once, unnumbered, encoded once.
     *
     * @param sessions the member sessions
     * @param applicationId the application owning the channel
     * @param channel the channel's name, kept in the numbered envelope as {@code channel}
     * @param envelope the envelope
     * @param excluded a connection to leave out, or null
     * @return how many connections it was queued for
     */
    public int deliverToChannel(Collection<SessionId> sessions, String applicationId, String channel,
                                Map<String, Object> envelope, ConnectionId excluded) {
        Map<String, Object> named = null;
        List<ConnectionId> plain = null;
        int queued = 0;
        // One channel name for every copy: the transport and its meters read it per message.
        String bayeuxChannel = Envelopes.channel(applicationId, channel);
        for (SessionId session : sessions) {
            DeliveryTargets.Held live = registry.held(session);
            if (live.plainOnly()) {
                if (plain == null) {
                    plain = new ArrayList<>(sessions.size());
                }
                for (ConnectionId id : live.ids()) {
                    if (excluded == null || !id.equals(excluded)) {
                        plain.add(id);
                    }
                }
                continue;
            }
            if (named == null) {
                named = new LinkedHashMap<>(Envelopes.identified(envelope));
                named.put("channel", channel);
            }
            queued += deliverNumbered(session, applicationId, named, null, excluded, bayeuxChannel);
        }
        // The plain clients' copy is one message, encoded once for all of them.
        return plain == null ? queued : queued + clients.deliver(plain, bayeuxChannel, envelope);
    }

    private int deliver(SessionId session, String applicationId, Map<String, Object> envelope,
                        CompletableFuture<Receipt> receipt, ConnectionId excluded) {
        DeliveryTargets.Held held = registry.held(session);
        String channel = Envelopes.applicationChannel(applicationId);
        if (receipt == null && held.plainOnly()) {
            // Only plain clients, which never acknowledge: at most once, as a CometD server does.
            List<ConnectionId> live = held.ids();
            if (excluded != null && live.contains(excluded)) {
                live = new ArrayList<>(live);
                live.remove(excluded);
            }
            return clients.deliver(live, channel, envelope);
        }
        return deliverNumbered(session, applicationId, envelope, receipt, excluded, channel);
    }

    /**
     * Numbers a message in the session's inbox, keeps it, and hands it to the session's connections.
     *
     * @param channel the Bayeux channel it goes out on
     */
    private int deliverNumbered(SessionId session, String applicationId, Map<String, Object> envelope,
                                CompletableFuture<Receipt> receipt, ConnectionId excluded, String channel) {
        InboxKey key = new InboxKey(session, applicationId);
        int[] queued = {0};
        int maxMessages = limits(applicationId).maxMessages();
        SessionInbox inbox = inbox(key);
        inbox.append(envelope, receipt, System.currentTimeMillis(), maxMessages,
                overflowed -> overflow(inbox, overflowed, maxMessages),
                (numbered, attached) -> {
                    Collection<ConnectionId> targets = registry.ofSession(session);
                    List<ConnectionId> recipients = new ArrayList<>(targets.size() + attached.size());
                    for (ConnectionId c : targets) {
                        if (!c.equals(excluded) && !catchUp.isBehind(c, applicationId)) {
                            recipients.add(c);
                        }
                    }
                    for (ConnectionId c : attached) {
                        if (!targets.contains(c) && !c.equals(excluded)) {
                            recipients.add(c);
                        }
                    }
                    if (writer != null) {
                        // Queued under the inbox's lock, before any connection has it: its acknowledgement's
                        // removal can only be queued after it. Held a moment if a connection will have it.
                        writer.store(inbox, numbered, !recipients.isEmpty());
                    }
                    // One message for the session's connections, encoded once.
                    queued[0] = recipients.isEmpty() ? 0 : clients.deliver(recipients,
                            channel, numbered.envelope());
                });
        return queued[0];
    }

    /** A client library acknowledged every message of an application up to a seq. */
    @Override
    public void acknowledged(Connection from, String applicationId, long upToSeq) {
        acknowledge(from.session(), applicationId, upToSeq);
        catchUp.acknowledged(from.id(), from.session(), applicationId);
    }

    /**
     * A connection's queue overflowed and the transport dropped what waited in it: if it acknowledges, its numbered
     * messages are still in the inboxes, and it catches up from them ({@link CatchUp}).
     */
    @Override
    public void fellBehind(Connection fell, int batch) {
        if (acknowledging.contains(fell.id())) {
            catchUp.fellBehind(fell.id(), fell.session(), batch, sweeper);
        }
    }

    private void acknowledge(SessionId session, String applicationId, long upToSeq) {
        InboxKey key = new InboxKey(session, applicationId);
        SessionInbox inbox = inboxes.get(key);
        int removed = inbox == null ? 0 : inbox.acknowledge(upToSeq, Instant.now(), deliveryLatency);
        if (removed > 0 && writer != null) {
            writer.remove(inbox, upToSeq);
        }
    }

    private SessionInbox inbox(InboxKey key) {
        return inboxes.computeIfAbsent(key, stored::load);
    }

    private InboxLimits limits(String applicationId) {
        InboxLimits known = limits.get(applicationId);
        return known != null ? known : limits.computeIfAbsent(applicationId, settings::limits);
    }

    /** Sends an inbox's envelope to one connection; one that names an application channel goes out on it. */
    private void send(ConnectionId connection, String applicationId, Map<String, Object> envelope) {
        clients.deliver(List.of(connection), envelope.get("channel") instanceof String name
                ? Envelopes.channel(applicationId, name) : Envelopes.applicationChannel(applicationId), envelope);
    }

    private void overflow(SessionInbox inbox, SessionInbox.Pending message, int maxMessages) {
        losses.overflowed(inbox.key(), message.seq(), maxMessages);
        if (writer != null) {
            writer.remove(inbox, message.seq());
        }
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            // A receipt of a message to a connection waits as long as its application keeps messages.
            receipts.expire(app -> now - limits(app).maxAge().toMillis());
            for (SessionInbox inbox : inboxes.values()) {
                Duration maxAge = limits(inbox.key().applicationId()).maxAge();
                List<SessionInbox.Pending> old = inbox.expire(now - maxAge.toMillis());
                if (!old.isEmpty()) {
                    losses.expired(inbox.key(), old.size(), maxAge);
                    if (writer != null) {
                        writer.remove(inbox, old.get(old.size() - 1).seq());
                    }
                }
                if (inbox.isIdleSince(now - 60_000) && registry.ofSession(inbox.key().session()).isEmpty()) {
                    inboxes.remove(inbox.key(), inbox);
                }
            }
            if (store != null) {
                // Shorter-lived applications' stored messages expire when their session's inbox is loaded.
                int removed = store.removeCreatedBefore(Instant.ofEpochMilli(now - longestMaxAge.toMillis()));
                if (removed > 0) {
                    losses.expiredStored(removed, longestMaxAge);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The inbox sweep failed; it runs again shortly", e);
        }
    }
}
