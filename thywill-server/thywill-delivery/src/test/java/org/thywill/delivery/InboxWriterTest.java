package org.thywill.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxEntry;

class InboxWriterTest {

    /** Records what reaches the database. */
    private static final class RecordingInbox implements Inbox {
        final List<Long> stored = new ArrayList<>();
        final List<Long> removed = new ArrayList<>();

        @Override
        public synchronized void store(List<InboxEntry> entries) {
            entries.forEach(e -> stored.add(e.seq()));
        }

        @Override
        public synchronized void remove(SessionId session, String applicationId, long upToSeq) {
            removed.add(upToSeq);
        }

        @Override
        public List<InboxEntry> pending(SessionId session, String applicationId) {
            return List.of();
        }

        @Override
        public int removeCreatedBefore(Instant cutoff) {
            return 0;
        }
    }

    private static SessionInbox.Pending message(long seq) {
        return new SessionInbox.Pending(seq, Map.of("type", "message", "seq", seq), 0, null);
    }

    @Test
    void stopWritesEverythingQueuedAndAMessageAcknowledgedBeforeItsBatchIsNeverWritten() {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database);
        InboxKey key = new InboxKey(new SessionId("s"), "app");
        // Queued before the thread starts: one batch, as under load.
        writer.store(key, message(1));
        writer.store(key, message(2));
        writer.remove(key, 1);
        writer.store(key, message(3));
        writer.start();
        writer.stop();
        assertEquals(List.of(2L, 3L), database.stored);
        assertEquals(List.of(1L), database.removed);
    }

    @Test
    void acknowledgementsOfASessionThatArriveApartAreRemovedInOneCutPerSessionAndApplication() throws Exception {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database, Duration.ofHours(1), Duration.ZERO);
        InboxKey one = new InboxKey(new SessionId("s"), "app");
        InboxKey other = new InboxKey(new SessionId("t"), "app");
        writer.store(one, message(1));
        writer.store(one, message(2));
        writer.remove(one, 1);
        writer.start(); // those three in one batch
        Thread.sleep(200); // the rest in another
        writer.remove(one, 2);
        writer.remove(other, 7);
        Thread.sleep(200);
        synchronized (database) {
            assertEquals(List.of(), database.removed, "removals wait to be merged");
        }
        writer.stop();
        assertEquals(List.of(2L), database.stored, "1 was acknowledged in its own batch");
        assertEquals(Set.of(2L, 7L), Set.copyOf(database.removed));
        assertEquals(2, database.removed.size(), "one cut each");
    }

    @Test
    void aRemovalIsLeftOutWhenNothingOfItsInboxCanBeStored() throws Exception {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database, Duration.ofMillis(50), Duration.ZERO);
        SessionInbox inbox = new SessionInbox(new InboxKey(new SessionId("s"), "app"), List.of());
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            inbox.append(Map.of("type", "message"), null, 1000 + i, 100, dropped -> { },
                    (message, attached) -> {
                        writer.store(inbox, message, false);
                        seqs.add(message.seq());
                    });
        }
        inbox.acknowledge(seqs.get(1), Instant.now(), nanos -> { });
        writer.remove(inbox, seqs.get(1));
        writer.start();
        Thread.sleep(300);
        synchronized (database) {
            assertEquals(List.of(), database.stored);
            assertEquals(List.of(), database.removed, "nothing was written, so there is nothing to delete");
        }
        // A message written before its acknowledgement is deleted.
        inbox.append(Map.of("type", "message"), null, 2000, 100, dropped -> { },
                (message, attached) -> {
                    writer.store(inbox, message, false);
                    seqs.add(message.seq());
                });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (writer.written() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        inbox.acknowledge(seqs.get(2), Instant.now(), nanos -> { });
        writer.remove(inbox, seqs.get(2));
        writer.stop();
        assertEquals(List.of(seqs.get(2)), database.stored);
        assertEquals(List.of(seqs.get(2)), database.removed);
        assertEquals(1, writer.removalsSkipped());
    }

    @Test
    void aMessageHandedToAConnectionWaitsForItsAcknowledgementBeforeItIsWritten() throws Exception {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database, Duration.ofMillis(50), Duration.ofSeconds(1));
        SessionInbox inbox = new SessionInbox(new InboxKey(new SessionId("s"), "app"), List.of());
        List<Long> seqs = new ArrayList<>();
        writer.start();
        for (int i = 0; i < 3; i++) {
            boolean handed = i < 2; // the third has no connection to go to: written at once
            inbox.append(Map.of("type", "message"), null, 1000 + i, 100, dropped -> { },
                    (message, attached) -> {
                        writer.store(inbox, message, handed);
                        seqs.add(message.seq());
                    });
        }
        Thread.sleep(150);
        synchronized (database) {
            assertEquals(List.of(seqs.get(2)), database.stored, "only the one no connection has");
        }
        inbox.acknowledge(seqs.get(0), Instant.now(), nanos -> { }); // within the hold
        writer.remove(inbox, seqs.get(0));
        Thread.sleep(1300);
        synchronized (database) {
            assertEquals(List.of(seqs.get(2), seqs.get(1)), database.stored,
                    "the unacknowledged one is written once the hold is over; the acknowledged one never");
        }
        writer.stop();
        assertEquals(1, writer.skipped());
    }

    @Test
    void stopWritesTheMessagesStillHeld() {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database, Duration.ofHours(1), Duration.ofHours(1));
        SessionInbox inbox = new SessionInbox(new InboxKey(new SessionId("s"), "app"), List.of());
        writer.start();
        inbox.append(Map.of("type", "message"), null, 1000, 100, dropped -> { },
                (message, attached) -> writer.store(inbox, message, true));
        writer.stop();
        assertEquals(1, database.stored.size());
    }

    @Test
    void theMessagesHeldForASessionAreWrittenAtOnceWhenItsLastConnectionEnds() throws Exception {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database, Duration.ofHours(1), Duration.ofHours(1));
        SessionInbox leaving = new SessionInbox(new InboxKey(new SessionId("s"), "app"), List.of());
        SessionInbox staying = new SessionInbox(new InboxKey(new SessionId("t"), "app"), List.of());
        writer.start();
        for (SessionInbox inbox : List.of(leaving, staying)) {
            inbox.append(Map.of("type", "message"), null, 1000, 100, dropped -> { },
                    (message, attached) -> writer.store(inbox, message, true));
        }
        writer.release(new SessionId("s"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (writer.written() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        synchronized (database) {
            assertEquals(1, database.stored.size(), "the leaving session's message only");
        }
        writer.stop();
        assertEquals(2, database.stored.size());
    }

    @Test
    void aMessageAcknowledgedWhileTheWriterIsBehindIsNeverWrittenEvenInALaterBatch() {
        RecordingInbox database = new RecordingInbox();
        InboxWriter writer = new InboxWriter(database);
        SessionInbox inbox = new SessionInbox(new InboxKey(new SessionId("s"), "app"), List.of());
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inbox.append(Map.of("type", "message"), null, 1000 + i, 100, dropped -> { },
                    (message, attached) -> {
                        writer.store(inbox, message, false);
                        seqs.add(message.seq());
                    });
        }
        // The client acknowledged the first two; the removal is still far behind in the queue, not in this batch.
        inbox.acknowledge(seqs.get(1), Instant.now(), nanos -> { });
        writer.start();
        writer.stop();
        assertEquals(List.of(seqs.get(2)), database.stored);
        assertEquals(2, writer.skipped());
        assertEquals(Set.of(), inbox.snapshot().unwritten(), "nothing is left waiting to be written");
    }
}
