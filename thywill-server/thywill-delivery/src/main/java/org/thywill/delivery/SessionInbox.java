package org.thywill.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.metrics.Timer;

/**
 * The live copy of one session's inbox for one application: the messages not yet acknowledged, in seq order. Its
 * lock orders everything that touches the inbox, so a message is numbered and handed to the connections in one
 * step and a new connection's replay can neither miss nor overtake a message sent meanwhile.
 */
final class SessionInbox {

    /** A message waiting for its acknowledgement. */
    record Pending(long seq, Map<String, Object> envelope, long createdAtMillis, CompletableFuture<Receipt> receipt) {
    }

    private final InboxKey key;
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** Connections replayed to that may not be in the registry yet: live messages must reach them too. */
    private final Set<ConnectionId> attached = new HashSet<>();
    /** The seqs handed to the Database's writer and not yet written: they are not in the Database yet. */
    private final NavigableSet<Long> unwritten = new TreeSet<>();
    private long lastSeq;
    /** The highest seq this inbox may have in the Database: written by this server, or read from it. */
    private long storedMax;
    /** This server has removed everything up to it from the Database. */
    private long storedRemovedUpTo;
    /** The highest seq removed from the head (acknowledged, expired or dropped): never to be added again. */
    private long removedUpTo;
    private volatile long lastUsedMillis = System.currentTimeMillis();

    /** What an inbox held before its stored copy was read, for {@link #refresh}. */
    record Snapshot(long lastSeq, Set<Long> unwritten) {
    }

    SessionInbox(InboxKey key, List<Pending> stored) {
        this.key = key;
        for (Pending p : stored) {
            pending.addLast(p);
            lastSeq = Math.max(lastSeq, p.seq());
        }
        storedMax = lastSeq;
    }

    InboxKey key() {
        return key;
    }

    /**
     * Numbers a message: above every number given before, here or before a restart, as long as the clock does not
     * go back and no session receives a million messages a second (the number is then the time in microseconds).
     */
    synchronized Pending append(Map<String, Object> envelope, CompletableFuture<Receipt> receipt, long nowMillis,
                                int maxMessages, Consumer<Pending> overflow,
                                BiConsumer<Pending, Set<ConnectionId>> deliver) {
        lastUsedMillis = nowMillis;
        lastSeq = Math.max(lastSeq + 1, nowMillis * 1000);
        Map<String, Object> numbered = new LinkedHashMap<>(envelope);
        numbered.put("seq", lastSeq);
        Pending message = new Pending(lastSeq, numbered, nowMillis, receipt);
        pending.addLast(message);
        while (pending.size() > maxMessages) {
            Pending dropped = pending.removeFirst();
            removedUpTo(dropped.seq());
            fail(dropped, DeliveryFailure.OVERFLOW);
            overflow.accept(dropped);
        }
        deliver.accept(message, attached);
        return message;
    }

    /**
     * Replays to a new connection what it has not handled, in order; called before the connection can receive live
     * messages, under the same lock as {@link #append}.
     */
    synchronized void replay(ConnectionId connection, long handledSeq,
                             Consumer<Pending> deliver) {
        lastUsedMillis = System.currentTimeMillis();
        attached.add(connection);
        // A client may know a higher number than this inbox (a clock that went back across a restart).
        lastSeq = Math.max(lastSeq, handledSeq);
        for (Pending p : pending) {
            if (p.seq() > handledSeq) {
                deliver.accept(p);
            }
        }
    }

    /**
     * Sends a connection that fell behind (its queue overflowed) the next messages after {@code afterSeq}, at most
     * {@code limit}, in order, under the same lock as {@link #append}: a message appended meanwhile is either among
     * them or sent live after {@code caughtUp} ran.
     *
     * @param caughtUp run, under the lock, when this batch holds everything left (fewer than {@code limit})
     * @return the last seq sent, or {@code afterSeq} if none
     */
    synchronized long catchUp(long afterSeq, int limit, Consumer<Pending> deliver, Runnable caughtUp) {
        long last = afterSeq;
        int sent = 0;
        for (Pending p : pending) {
            if (p.seq() > afterSeq) {
                if (sent == limit) {
                    return last;
                }
                deliver.accept(p);
                last = p.seq();
                sent++;
            }
        }
        caughtUp.run();
        return last;
    }

    /**
     * @param latency told, for each message removed, how long it took from its send to this acknowledgement
     * @return the messages acknowledged, now removed; their receipts completed
     */
    synchronized int acknowledge(long upToSeq, Instant now, Timer latency) {
        lastUsedMillis = now.toEpochMilli();
        int removed = 0;
        while (!pending.isEmpty() && pending.peekFirst().seq() <= upToSeq) {
            Pending p = pending.removeFirst();
            if (p.receipt() != null) {
                p.receipt().complete(new Receipt(p.seq(), now));
            }
            latency.recordNanos((lastUsedMillis - p.createdAtMillis()) * 1_000_000L);
            removed++;
        }
        removedUpTo(upToSeq);
        return removed;
    }

    /** @return the messages created before the cutoff, now removed with their receipts failed */
    synchronized List<Pending> expire(long cutoffMillis) {
        List<Pending> expired = new ArrayList<>();
        while (!pending.isEmpty() && pending.peekFirst().createdAtMillis() < cutoffMillis) {
            Pending p = pending.removeFirst();
            removedUpTo(p.seq());
            fail(p, DeliveryFailure.EXPIRED);
            expired.add(p);
        }
        return expired;
    }

    /** A message was handed to the Database's writer; call from the {@code deliver} of {@link #append}. */
    synchronized void queuedForWriting(long seq) {
        unwritten.add(seq);
    }

    /**
     * @param seq a message's seq
     * @return true if the message has left this inbox (acknowledged, expired or dropped): the Database need not
     *         keep it
     */
    synchronized boolean removed(long seq) {
        return seq <= removedUpTo;
    }

    /** The Database's writer wrote a message. */
    synchronized void written(long seq) {
        unwritten.remove(seq);
        storedMax = Math.max(storedMax, seq);
    }

    /** The Database's writer left a message out: it had left this inbox already. */
    synchronized void notWritten(long seq) {
        unwritten.remove(seq);
    }

    /**
     * @return false if the Database holds nothing of this inbox that this server has not removed already: neither
     *         written by it since, nor read from the Database (where other servers of a cluster may have put more)
     */
    synchronized boolean mayHaveStored() {
        return storedMax > storedRemovedUpTo;
    }

    /** The Database's writer removed the stored messages up to a seq. */
    synchronized void storedRemoved(long upToSeq) {
        storedRemovedUpTo = Math.max(storedRemovedUpTo, upToSeq);
    }

    /** @return what {@link #refresh} needs to know of this inbox before its stored copy is read */
    synchronized Snapshot snapshot() {
        return new Snapshot(lastSeq, Set.copyOf(unwritten));
    }

    /**
     * Brings this copy in line with the stored one, which other servers sharing the Database (a cluster) may have
     * changed since this copy was made: adds the stored messages it lacks, and removes those that were written
     * before the snapshot and are no longer stored (acknowledged, or expired, through another server). Messages
     * appended or not yet written at the snapshot are kept, as are those removed here already.
     *
     * @param before the snapshot taken before {@code stored} was read
     * @param stored the stored messages, read after the snapshot, in seq order
     * @param now completes the receipts of messages acknowledged elsewhere
     * @return how many messages were added
     */
    synchronized int refresh(Snapshot before, List<Pending> stored, Instant now) {
        Map<Long, Pending> merged = new TreeMap<>();
        Set<Long> storedSeqs = new HashSet<>();
        for (Pending p : stored) {
            storedSeqs.add(p.seq());
        }
        for (Pending p : pending) {
            if (p.seq() > before.lastSeq() || before.unwritten().contains(p.seq()) || storedSeqs.contains(p.seq())) {
                merged.put(p.seq(), p);
            } else if (p.receipt() != null) {
                p.receipt().complete(new Receipt(p.seq(), now));
            }
        }
        int added = 0;
        for (Pending p : stored) {
            storedMax = Math.max(storedMax, p.seq());
            if (p.seq() > removedUpTo && merged.putIfAbsent(p.seq(), p) == null) {
                added++;
                lastSeq = Math.max(lastSeq, p.seq());
            }
        }
        pending.clear();
        pending.addAll(merged.values());
        return added;
    }

    /** The connection is in the registry now, or gone. */
    synchronized void settled(ConnectionId connection) {
        attached.remove(connection);
    }

    synchronized void failAll(DeliveryFailure reason) {
        pending.forEach(p -> fail(p, reason));
    }

    synchronized boolean isIdleSince(long millis) {
        return pending.isEmpty() && lastUsedMillis < millis;
    }

    /** @return how many messages wait in it, unacknowledged */
    synchronized int size() {
        return pending.size();
    }

    private void removedUpTo(long seq) {
        removedUpTo = Math.max(removedUpTo, seq);
        unwritten.headSet(removedUpTo, true).clear();
    }

    private static void fail(Pending p, DeliveryFailure reason) {
        if (p.receipt() != null) {
            p.receipt().completeExceptionally(new DeliveryFailedException(reason, p.seq()));
        }
    }
}
