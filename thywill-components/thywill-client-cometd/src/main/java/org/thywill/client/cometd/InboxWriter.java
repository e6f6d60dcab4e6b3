package org.thywill.client.cometd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Json;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxCut;
import org.thywill.api.delivery.InboxEntry;

/**
 * Writes the session inboxes to the Database behind the sends, on one thread, so no send waits for a database
 * round trip. Whatever has queued up while a write ran goes in the next batch; a message acknowledged before its
 * batch was written is never written at all. Stopping writes everything still queued.
 */
final class InboxWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    private static final int BATCH = 1000;

    private sealed interface Change permits Store, Remove, Stop {
    }

    /** @param inbox told once the message is written, or null */
    private record Store(InboxKey key, SessionInbox.Pending message, SessionInbox inbox) implements Change {
    }

    private record Remove(InboxKey key, long upToSeq) implements Change {
    }

    private record Stop() implements Change {
    }

    private final Inbox store;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long written;

    InboxWriter(Inbox store) {
        this.store = store;
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
        queue.add(new Store(key, message, null));
    }

    /** Stores a message of a live inbox, which is told when it is written (see {@link SessionInbox#refresh}). */
    void store(SessionInbox inbox, SessionInbox.Pending message) {
        inbox.queuedForWriting(message.seq());
        queue.add(new Store(inbox.key(), message, inbox));
    }

    void remove(InboxKey key, long upToSeq) {
        queue.add(new Remove(key, upToSeq));
    }

    /** @return how many messages were written so far (for tests and logs) */
    long written() {
        return written;
    }

    @Override
    public void run() {
        List<Change> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, BATCH - 1);
            stopping = write(batch);
            batch.clear();
        }
    }

    /** @return true if the batch held the stop signal */
    private boolean write(List<Change> batch) {
        Map<InboxKey, List<Store>> stores = new LinkedHashMap<>();
        Map<InboxKey, Long> removes = new HashMap<>();
        boolean stop = false;
        for (Change change : batch) {
            if (change instanceof Store s) {
                stores.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            } else if (change instanceof Remove r) {
                removes.merge(r.key(), r.upToSeq(), Math::max);
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
        stores.forEach((key, messages) -> messages.forEach(s -> entries.add(new InboxEntry(key.session(),
                key.applicationId(), s.message().seq(), Json.write(s.message().envelope()),
                Instant.ofEpochMilli(s.message().createdAtMillis())))));
        try {
            if (!entries.isEmpty()) {
                store.store(entries);
                written += entries.size();
                stores.values().forEach(messages -> messages.stream().filter(s -> s.inbox() != null)
                        .forEach(s -> s.inbox().written(s.message().seq())));
            }
            if (!removes.isEmpty()) {
                List<InboxCut> cuts = new ArrayList<>(removes.size());
                removes.forEach((key, seq) -> cuts.add(new InboxCut(key.session(), key.applicationId(), seq)));
                store.remove(cuts);
            }
        } catch (RuntimeException e) {
            // The messages are still in memory and are delivered while this server runs; only a restart loses them.
            LOG.error("Could not write {} inbox messages and {} acknowledgements to the database; they are kept in"
                    + " memory only", entries.size(), removes.size(), e);
        }
        return stop;
    }
}
