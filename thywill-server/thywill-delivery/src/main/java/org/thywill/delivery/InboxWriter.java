package org.thywill.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxCut;
import org.thywill.api.delivery.InboxEntry;

/**
 * Writes the session inboxes to the Database behind the sends, on one thread, so no send waits for a database
 * round trip. A message handed to a live connection waits a moment first ({@link #HOLD} by default), as its
 * acknowledgement usually comes sooner. Whatever has queued up while a write ran goes in the next batch; a message
 * acknowledged (or expired, or dropped) before its batch was written is never written at all, however far behind
 * the writer is, so under load most messages never reach the Database. The removal of what
 * was acknowledged waits up to {@link #REMOVE_EVERY} and goes with the others of its session and application as
 * one: a busy page acknowledges about once per message, and a delete per acknowledgement was the largest cost left
 * of acknowledged delivery. Meanwhile an acknowledged message may still be stored, which only a crash can reveal,
 * as a message replayed that the page drops by its seq. Stopping writes everything still queued.
 */
final class InboxWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    private static final int BATCH = 1000;
    /** How long the removal of acknowledged messages may wait to be merged with later ones. */
    static final Duration REMOVE_EVERY = Duration.ofSeconds(1);
    /**
     * By default, how long a message handed to a live connection waits before it is written (the setting
     * {@code push.inboxWriteDelay}): its acknowledgement usually comes sooner (the next
     * {@code /meta/connect}; p99 about 230 ms for 2,000 pages at 4,000 messages a second), and then it is never
     * written nor deleted.
     */
    static final Duration HOLD = Duration.ofMillis(500);

    private sealed interface Change permits Store, Remove, Release, Stop {
    }

    /** The session's last connection here ended: what it held for it is written now, for another node to read. */
    private record Release(SessionId session) implements Change {
    }

    /**
     * @param inbox told once the message is written, or null
     * @param heldUntil when a message handed to a connection is written unless acknowledged first
     *                  ({@link System#nanoTime()}), or 0 to write it at once
     */
    private record Store(InboxKey key, SessionInbox.Pending message, SessionInbox inbox, long heldUntil)
            implements Change {
    }

    /** @param inbox the live inbox, which knows whether the Database may hold any of it, or null */
    private record Remove(InboxKey key, long upToSeq, SessionInbox inbox) implements Change {
    }

    /** A removal waiting to be merged with later ones. */
    private record Removal(long upToSeq, SessionInbox inbox) {
        Removal merge(Removal later) {
            return new Removal(Math.max(upToSeq, later.upToSeq), inbox != null ? inbox : later.inbox);
        }
    }

    private record Stop() implements Change {
    }

    private final Inbox store;
    private final ObjectMapper json;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long written;
    private volatile long skipped;
    private volatile long removalsSkipped;

    /** Removals waiting, merged: per session and application, the highest seq to remove. Writer thread only. */
    private final Map<InboxKey, Removal> removals = new HashMap<>();
    private final long removeEveryNanos;

    private final long holdNanos;

    InboxWriter(Inbox store) {
        this(store, REMOVE_EVERY, HOLD);
    }

    InboxWriter(Inbox store, Duration removeEvery, Duration hold) {
        this(store, removeEvery, hold, new ObjectMapper());
    }

    /**
     * @param store the Database's inbox
     * @param removeEvery how long removals may wait to be merged
     * @param hold how long a message handed to a connection waits for its acknowledgement before it is written
     * @param json encodes the envelopes
     */
    InboxWriter(Inbox store, Duration removeEvery, Duration hold, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.removeEveryNanos = removeEvery.toNanos();
        this.holdNanos = hold.toNanos();
        this.thread = new Thread(this, "thywill-inbox-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return the changes waiting to be written */
    int queued() {
        return queue.size();
    }

    /** Writes what is queued, then ends the thread; waits up to ten seconds for it. */
    void stop() {
        queue.add(new Stop());
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.error("{} inbox changes were not written to the database before the server stopped", queue.size());
        }
    }

    void store(InboxKey key, SessionInbox.Pending message) {
        queue.add(new Store(key, message, null, 0));
    }

    /**
     * Stores a message of a live inbox, which is told when it is written (see {@link SessionInbox#refresh}).
     *
     * @param handed whether it is being handed to a live connection, which will likely acknowledge it before the
     *               hold is over: it is written only then, if still unacknowledged
     */
    void store(SessionInbox inbox, SessionInbox.Pending message, boolean handed) {
        inbox.queuedForWriting(message.seq());
        queue.add(new Store(inbox.key(), message, inbox, handed ? System.nanoTime() + holdNanos : 0));
    }

    /**
     * Writes without waiting what is held for a session whose last connection here ended: the page may come back
     * on another node, which reads the Database.
     *
     * @param session the session
     */
    void release(SessionId session) {
        queue.add(new Release(session));
    }

    void remove(InboxKey key, long upToSeq) {
        queue.add(new Remove(key, upToSeq, null));
    }

    /** Removes messages of a live inbox: nothing at all if none of it can be in the Database. */
    void remove(SessionInbox inbox, long upToSeq) {
        queue.add(new Remove(inbox.key(), upToSeq, inbox));
    }

    /** @return how many messages were written so far (for tests and logs) */
    long written() {
        return written;
    }

    /** @return how many messages were not written because they left their inbox first (for tests and logs) */
    long skipped() {
        return skipped;
    }

    /** @return how many removals were left out because nothing of their inbox was stored (for tests and logs) */
    long removalsSkipped() {
        return removalsSkipped;
    }

    @Override
    public void run() {
        List<Change> batch = new ArrayList<>();
        List<Change> arrived = new ArrayList<>();
        Deque<Store> held = new ArrayDeque<>();
        boolean stopping = false;
        long nextRemoval = System.nanoTime() + removeEveryNanos;
        while (!stopping) {
            try {
                long wake = removals.isEmpty() ? Long.MAX_VALUE : nextRemoval;
                if (!held.isEmpty()) {
                    wake = Math.min(wake, held.peekFirst().heldUntil());
                }
                Change first = wake == Long.MAX_VALUE ? queue.take()
                        : queue.poll(Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    arrived.add(first);
                }
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(arrived, BATCH - 1);
            boolean stop = arrived.stream().anyMatch(c -> c instanceof Stop);
            long now = System.nanoTime();
            // Held messages come first, in the order they were queued; on stop, all of them.
            while (!held.isEmpty() && (stop || held.peekFirst().heldUntil() - now <= 0)) {
                batch.add(held.removeFirst());
            }
            for (Change change : arrived) {
                if (!stop && change instanceof Store s && s.heldUntil() != 0 && s.heldUntil() - now > 0) {
                    held.addLast(s);
                } else if (change instanceof Release r) {
                    for (Iterator<Store> i = held.iterator(); i.hasNext(); ) {
                        Store s = i.next();
                        if (s.key().session().equals(r.session())) {
                            batch.add(s);
                            i.remove();
                        }
                    }
                } else {
                    batch.add(change);
                }
            }
            arrived.clear();
            stopping = write(batch);
            batch.clear();
            if (stopping || removals.size() >= BATCH || System.nanoTime() - nextRemoval >= 0) {
                remove();
                nextRemoval = System.nanoTime() + removeEveryNanos;
            }
        }
    }

    /** @return true if the batch held the stop signal */
    private boolean write(List<Change> batch) {
        Map<InboxKey, List<Store>> stores = new LinkedHashMap<>();
        Map<InboxKey, Removal> removes = new HashMap<>();
        boolean stop = false;
        for (Change change : batch) {
            if (change instanceof Store s) {
                stores.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            } else if (change instanceof Remove r) {
                removes.merge(r.key(), new Removal(r.upToSeq(), r.inbox()), Removal::merge);
                List<Store> waiting = stores.get(r.key());
                if (waiting != null) {
                    // Acknowledged before it was written: nothing to write.
                    for (Iterator<Store> i = waiting.iterator(); i.hasNext(); ) {
                        if (i.next().message().seq() <= r.upToSeq()) {
                            i.remove();
                        }
                    }
                }
            } else {
                stop = true;
            }
        }
        List<InboxEntry> entries = new ArrayList<>();
        stores.forEach((key, messages) -> {
            for (Iterator<Store> i = messages.iterator(); i.hasNext(); ) {
                Store s = i.next();
                if (s.inbox() != null && s.inbox().removed(s.message().seq())) {
                    // Gone from the live inbox meanwhile; its removal is queued behind it.
                    s.inbox().notWritten(s.message().seq());
                    skipped++;
                    i.remove();
                } else {
                    entries.add(new InboxEntry(key.session(), key.applicationId(), s.message().seq(),
                            encode(s.message().envelope()), Instant.ofEpochMilli(s.message().createdAtMillis())));
                }
            }
        });
        try {
            if (!entries.isEmpty()) {
                store.store(entries);
                written += entries.size();
                stores.values().forEach(messages -> messages.stream().filter(s -> s.inbox() != null)
                        .forEach(s -> s.inbox().written(s.message().seq())));
            }
        } catch (RuntimeException e) {
            // The messages are still in memory and are delivered while this server runs; only a restart loses them.
            LOG.error("Could not write {} inbox messages to the database; they are kept in memory only",
                    entries.size(), e);
        }
        // After the stores of the same batch: a removal never overtakes the message it removes.
        removes.forEach((key, removal) -> removals.merge(key, removal, Removal::merge));
        return stop;
    }

    private String encode(Map<String, Object> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            // An application's data is a JSON value tree, which always encodes.
            throw new IllegalArgumentException("An inbox message cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Removes what was acknowledged since the last time, one cut per session and application. */
    private void remove() {
        if (removals.isEmpty()) {
            return;
        }
        List<InboxCut> cuts = new ArrayList<>(removals.size());
        List<Map.Entry<InboxKey, Removal>> done = new ArrayList<>(removals.size());
        removals.forEach((key, removal) -> {
            if (removal.inbox() != null && !removal.inbox().mayHaveStored()) {
                removalsSkipped++; // acknowledged before any of it was written
            } else {
                cuts.add(new InboxCut(key.session(), key.applicationId(), removal.upToSeq()));
                done.add(Map.entry(key, removal));
            }
        });
        removals.clear();
        if (cuts.isEmpty()) {
            return;
        }
        try {
            store.remove(cuts);
            done.forEach(e -> {
                if (e.getValue().inbox() != null) {
                    e.getValue().inbox().storedRemoved(e.getValue().upToSeq());
                }
            });
        } catch (RuntimeException e) {
            // Replayed after a restart, the page drops them by their seq.
            LOG.error("Could not remove the acknowledged messages of {} sessions from the database", cuts.size(), e);
        }
    }
}
