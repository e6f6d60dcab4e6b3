package org.thywill.client.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
