package org.thywill.client.cometd;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Json;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxEntry;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;
import org.thywill.api.push.Envelopes;

/**
 * The session inboxes of this server: every message to a session is numbered, kept in memory until a connection of
 * the session acknowledges it, written to the Database behind the send, and replayed in order to the session's next
 * connection. Connections that did not ask for acknowledged delivery (plain CometD clients) get messages once, as
 * before, without an inbox, unless the session has no connection at all. Servers of a cluster share the Database:
 * a session arriving here with no other connection here has its inbox re-read, as another server may have kept
 * or acknowledged its messages meanwhile.
 */
final class SessionInboxes {

    /** Delivers one numbered envelope to one connection. */
    interface Sender {
        void send(ConnectionId connection, String applicationId, Map<String, Object> envelope);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionInboxes.class);
    /** How long the ids of a session's messages are remembered after its last message. */
    private static final Duration CLIENT_ID_MEMORY = Duration.ofMinutes(10);

    private final Map<InboxKey, SessionInbox> inboxes = new ConcurrentHashMap<>();
    private final Set<ConnectionId> acknowledging = ConcurrentHashMap.newKeySet();
    private final ConnectionRegistry registry;
    private final Sender sender;
    private final Inbox store;
    private final InboxWriter writer;
    private final Function<String, InboxLimits> limits;
    /** The longest age any application keeps: stored messages older than it are gone for every application. */
    private final Duration longestMaxAge;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final ClientMessageIds clientIds = new ClientMessageIds();
    private final ConnectionReceipts receipts = new ConnectionReceipts();
    private final long sweepMillis;
    private final Timer deliveryLatency;
    private final int catchUpBatch;
    /**
     * Connections whose queue overflowed, catching up from their session's inboxes: per application, the last seq
     * sent to them, or {@link #CAUGHT_UP}. Live numbered messages skip them until then.
     */
    private final Map<ConnectionId, Map<String, Long>> behind = new ConcurrentHashMap<>();
    private static final long CAUGHT_UP = Long.MAX_VALUE;
    private ScheduledExecutorService sweeper;

    /**
     * @param registry the connections held here
     * @param sender delivers to one connection
     * @param store the Database's inbox, or null to keep inboxes in memory only
     * @param limits the inbox limits of an application
     * @param longestMaxAge the longest {@link InboxLimits#maxAge()} of all applications
     * @param shortestMaxAge the shortest, which sets how often the sweep runs
     * @param metrics where the delivery latency is recorded
     * @param catchUpBatch how many messages a connection that fell behind is sent at a time
     * @param writeDelay how long a message handed to a live connection waits for its acknowledgement before the
     *                   Database's writer writes it
     */
    SessionInboxes(ConnectionRegistry registry, Sender sender, Inbox store,
                   Function<String, InboxLimits> limits, Duration longestMaxAge,
                   Duration shortestMaxAge, Metrics metrics, int catchUpBatch, Duration writeDelay) {
        this.catchUpBatch = Math.max(1, catchUpBatch);
        this.deliveryLatency = metrics.timer("thywill.delivery.latency", "From an application's send to a session"
                + " (or channel) to the client library's acknowledgement after the page's handlers ran, including"
                + " time the session spent offline.");
        this.registry = registry;
        this.sender = sender;
        this.store = store;
        this.writer = store == null ? null : new InboxWriter(store, InboxWriter.REMOVE_EVERY, writeDelay);
        this.limits = limits;
        this.longestMaxAge = longestMaxAge;
        this.sweepMillis = Math.max(100, Math.min(30_000, shortestMaxAge.toMillis() / 4));
    }

    void start() {
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

    void stop() {
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
     * A connection arrives; called before it is registered, so no live message can overtake its replay.
     *
     * @param connection the connection
     * @param session its session
     * @param handled the last seq its client library handled per application; the connection's own application
     *                is replayed even when absent
     * @param ownApplication the application of the connection's page
     */
    List<SessionInbox> attach(ConnectionId connection, SessionId session, Map<String, Long> handled,
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
                refresh(inbox);
            }
            inbox.replay(connection, seq, p -> sender.send(connection, applicationId, p.envelope()));
            replayed.add(inbox);
        });
        return replayed;
    }

    /**
     * The connection replayed to by {@link #attach} is in the registry now (or failed to get there): the inboxes
     * stop sending to it on their own.
     */
    void settled(ConnectionId connection, List<SessionInbox> replayed) {
        replayed.forEach(inbox -> inbox.settled(connection));
    }

    /**
     * A connection ended; called once it has left the registry.
     *
     * @param connection the connection
     * @param session its session, or null if unknown
     */
    void detach(ConnectionId connection, SessionId session) {
        acknowledging.remove(connection);
        behind.remove(connection);
        receipts.ended(connection);
        if (writer != null && session != null && registry.ofSession(session).isEmpty()) {
            // Messages held for an acknowledgement that will not come from here: the page may come back elsewhere.
            writer.release(session);
        }
    }

    /** Sends to one connection with a receipt number, which its client library acknowledges. */
    boolean deliverReceipted(ConnectionId connection, String applicationId, Map<String, Object> envelope,
                             CompletableFuture<Receipt> receipt) {
        if (registry.get(connection).isEmpty()) {
            receipt.completeExceptionally(new DeliveryFailedException(
                    DeliveryFailure.DISCONNECTED, 0));
            return false;
        }
        Map<String, Object> numbered = new LinkedHashMap<>(envelope);
        numbered.put("receipt", receipts.register(connection, applicationId, receipt));
        sender.send(connection, applicationId, numbered);
        if (registry.get(connection).isEmpty()) {
            receipts.ended(connection); // it ended meanwhile, perhaps before detach could fail the receipt
        }
        return true;
    }

    void acknowledgeReceipt(ConnectionId connection, long number) {
        receipts.acknowledge(connection, number);
    }

    int deliver(SessionId session, String applicationId, Map<String, Object> envelope,
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
     * @param plain where the CometD sessions of plain-only sessions' connections are added
     * @return how many connections a numbered copy was queued for
     */
    int deliverToChannel(Collection<SessionId> sessions, String applicationId, String channel,
                         Map<String, Object> envelope, ConnectionId excluded, List<ServerSession> plain) {
        Map<String, Object> named = null;
        int queued = 0;
        for (SessionId session : sessions) {
            ConnectionRegistry.Held live = registry.held(session);
            if (live.plainOnly()) {
                List<ConnectionId> ids = live.ids();
                for (int i = 0; i < ids.size(); i++) {
                    if (excluded == null || !ids.get(i).equals(excluded)) {
                        plain.add(live.sessions().get(i));
                    }
                }
                continue;
            }
            if (named == null) {
                named = new LinkedHashMap<>(Envelopes.identified(envelope));
                named.put("channel", channel);
            }
            queued += deliverNumbered(session, applicationId, named, null, excluded);
        }
        return queued;
    }

    private int deliver(SessionId session, String applicationId, Map<String, Object> envelope,
                        CompletableFuture<Receipt> receipt, ConnectionId excluded) {
        ConnectionRegistry.Held held = registry.held(session);
        Collection<ConnectionId> live = held.ids();
        if (receipt == null && held.plainOnly()) {
            // Only plain clients, which never acknowledge: at most once, as a CometD server does.
            int sent = 0;
            for (ConnectionId c : live) {
                if (!c.equals(excluded)) {
                    sender.send(c, applicationId, envelope);
                    sent++;
                }
            }
            return sent;
        }
        return deliverNumbered(session, applicationId, envelope, receipt, excluded);
    }

    /** Numbers a message in the session's inbox, keeps it, and hands it to the session's connections. */
    private int deliverNumbered(SessionId session, String applicationId, Map<String, Object> envelope,
                                CompletableFuture<Receipt> receipt, ConnectionId excluded) {
        InboxKey key = new InboxKey(session, applicationId);
        int[] queued = {0};
        int maxMessages = limits.apply(applicationId).maxMessages();
        SessionInbox inbox = inbox(key);
        inbox.append(envelope, receipt, System.currentTimeMillis(), maxMessages,
                overflowed -> overflow(inbox, overflowed, maxMessages),
                (numbered, attached) -> {
                    Collection<ConnectionId> targets = registry.ofSession(session);
                    List<ConnectionId> recipients = new ArrayList<>(targets.size() + attached.size());
                    for (ConnectionId c : targets) {
                        if (!c.equals(excluded) && !isBehind(c, applicationId)) {
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
                    for (ConnectionId c : recipients) {
                        sender.send(c, applicationId, numbered.envelope());
                    }
                    queued[0] = recipients.size();
                });
        return queued[0];
    }

    /** A client library acknowledged every message of an application up to a seq. */
    void acknowledge(ConnectionId from, SessionId session, String applicationId, long upToSeq) {
        acknowledge(session, applicationId, upToSeq);
        if (isBehind(from, applicationId)) {
            catchUp(from, session, applicationId);
        }
    }

    /**
     * A connection's queue overflowed and CometD dropped what waited in it: if it acknowledges, its numbered
     * messages are still in the inboxes, so it is sent them again, a batch at a time, each batch after the client
     * acknowledged the one before; live numbered messages wait in the inbox meanwhile, so order holds.
     */
    void fellBehind(ConnectionId connection, SessionId session) {
        if (!acknowledging.contains(connection)) {
            return;
        }
        Map<String, Long> progress = new ConcurrentHashMap<>();
        for (InboxKey key : inboxes.keySet()) {
            if (key.session().equals(session)) {
                progress.put(key.applicationId(), 0L);
            }
        }
        if (progress.isEmpty()) {
            return;
        }
        // Fell behind again while catching up (its last batch was dropped too): start again from the oldest.
        behind.put(connection, progress);
        // Not from inside CometD's queue listener, which holds the session's queue.
        sweeper.execute(() -> progress.keySet().forEach(app -> catchUp(connection, session, app)));
    }

    private boolean isBehind(ConnectionId connection, String applicationId) {
        Map<String, Long> progress = behind.get(connection);
        if (progress == null) {
            return false;
        }
        Long sent = progress.get(applicationId);
        return sent != null && sent != CAUGHT_UP;
    }

    private void catchUp(ConnectionId connection, SessionId session, String applicationId) {
        Map<String, Long> progress = behind.get(connection);
        SessionInbox inbox = inboxes.get(new InboxKey(session, applicationId));
        if (progress == null) {
            return;
        }
        Long after = progress.get(applicationId);
        if (after == null || after == CAUGHT_UP) {
            return;
        }
        if (inbox == null) {
            progress.put(applicationId, CAUGHT_UP);
        } else {
            long last = inbox.catchUp(after, catchUpBatch,
                    p -> sender.send(connection, applicationId, p.envelope()),
                    () -> progress.put(applicationId, CAUGHT_UP));
            progress.computeIfPresent(applicationId, (app, sent) -> sent == CAUGHT_UP ? sent : last);
        }
        if (progress.values().stream().allMatch(sent -> sent == CAUGHT_UP)) {
            behind.remove(connection, progress);
            LOG.info("Connection {} caught up with its session's inboxes", connection.value());
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

    /**
     * @return false if the session already sent a message with this id to the application (a retry after a
     *         reconnection), which must then not reach the application again
     */
    boolean firstClientMessage(SessionId session, String applicationId, String id) {
        return clientIds.firstTime(session, applicationId, id);
    }

    /** @return the messages waiting, unacknowledged, in the inboxes held in memory; counted when asked */
    long waiting() {
        long total = 0;
        for (SessionInbox inbox : inboxes.values()) {
            total += inbox.size();
        }
        return total;
    }

    /** @return the inboxes held in memory */
    int held() {
        return inboxes.size();
    }

    /** @return the inbox changes waiting to be written to the Database */
    int unwritten() {
        return writer == null ? 0 : writer.queued();
    }

    /** @return messages dropped because an inbox was full, since start */
    long dropped() {
        return dropped.get();
    }

    /** @return messages dropped because they waited too long, since start */
    long expired() {
        return expired.get();
    }

    private SessionInbox inbox(InboxKey key) {
        return inboxes.computeIfAbsent(key, this::load);
    }

    private SessionInbox load(InboxKey key) {
        List<SessionInbox.Pending> stored = new ArrayList<>();
        if (store != null) {
            try {
                stored = read(key);
            } catch (RuntimeException e) {
                LOG.error("Could not read the stored inbox of a session for {}; messages kept before a restart"
                        + " are not replayed to it now", key.applicationId(), e);
            }
        }
        return new SessionInbox(key, stored);
    }

    /** Re-reads an inbox held here for a session arriving without other connections here. */
    private void refresh(SessionInbox inbox) {
        SessionInbox.Snapshot before = inbox.snapshot();
        try {
            int added = inbox.refresh(before, read(inbox.key()), Instant.now());
            if (added > 0) {
                LOG.debug("{} messages of {} for a session were kept by another server", added,
                        inbox.key().applicationId());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not read the stored inbox of a session for {}; messages another server kept for it"
                    + " are not replayed to it now", inbox.key().applicationId(), e);
        }
    }

    private List<SessionInbox.Pending> read(InboxKey key) {
        List<SessionInbox.Pending> stored = new ArrayList<>();
        for (InboxEntry e : store.pending(key.session(), key.applicationId())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = (Map<String, Object>) Json.parse(e.envelope());
            stored.add(new SessionInbox.Pending(e.seq(), envelope, e.createdAt().toEpochMilli(), null));
        }
        return stored;
    }

    private void overflow(SessionInbox inbox, SessionInbox.Pending message, int maxMessages) {
        long total = dropped.incrementAndGet();
        LOG.warn("Dropped message {} of {} for a session: its inbox already held {} unacknowledged messages"
                + " (inboxMaxMessages); {} dropped so far", message.seq(), inbox.key().applicationId(), maxMessages,
                total);
        if (writer != null) {
            writer.remove(inbox, message.seq());
        }
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            clientIds.forgetIdle(now - CLIENT_ID_MEMORY.toMillis());
            // A receipt of a message to a connection waits as long as its application keeps messages.
            receipts.expire(app -> now - limits.apply(app).maxAge().toMillis());
            for (SessionInbox inbox : inboxes.values()) {
                Duration maxAge = limits.apply(inbox.key().applicationId()).maxAge();
                List<SessionInbox.Pending> old = inbox.expire(now - maxAge.toMillis());
                if (!old.isEmpty()) {
                    long total = expired.addAndGet(old.size());
                    LOG.warn("{} messages of {} for a session expired unacknowledged after {} (inboxMaxAge); {}"
                            + " expired so far", old.size(), inbox.key().applicationId(), maxAge, total);
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
                    long total = expired.addAndGet(removed);
                    LOG.warn("{} stored messages for sessions that did not come back expired after {}"
                            + " (inboxMaxAge); {} expired so far", removed, longestMaxAge, total);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The inbox sweep failed; it runs again shortly", e);
        }
    }
}
