package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxCut;
import org.thywill.api.delivery.InboxEntry;

/** What the session inbox store must do, on each engine; persistent engines also keep it across a restart. */
abstract class InboxContract {

    @RegisterExtension
    final OpenedDatabases opened = new OpenedDatabases();
    private final String app = "inbox-" + UUID.randomUUID();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());

    /** @return a new, unstarted database; persistent engines open the same storage each time */
    protected abstract Database newDatabase();

    private Database started() throws Exception {
        return opened.start(newDatabase());
    }

    private InboxEntry entry(long seq, Instant at) {
        return new InboxEntry(session, app, seq, "{\"type\":\"message\",\"data\":" + seq + ",\"seq\":" + seq + "}",
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void pendingComesBackInSeqOrderAndRemoveTakesTheAcknowledgedHead() throws Exception {
        Inbox inbox = started().inbox();
        Instant now = Instant.now();
        inbox.store(List.of(entry(3, now), entry(1, now), entry(2, now)));
        inbox.store(List.of(entry(2, now))); // a repeat is ignored
        assertEquals(List.of(1L, 2L, 3L), seqs(inbox.pending(session, app)));
        assertEquals(entry(1, now), inbox.pending(session, app).get(0));
        inbox.remove(session, app, 2);
        assertEquals(List.of(3L), seqs(inbox.pending(session, app)));
        assertEquals(List.of(), inbox.pending(new SessionId("other-" + UUID.randomUUID()), app));
    }

    @Test
    void cutsOfSeveralSessionsAreRemovedTogetherEachUpToItsOwnSeq() throws Exception {
        Inbox inbox = started().inbox();
        Instant now = Instant.now();
        SessionId other = new SessionId("other-" + UUID.randomUUID());
        SessionId untouched = new SessionId("untouched-" + UUID.randomUUID());
        List<InboxEntry> entries = new ArrayList<>();
        for (SessionId s : List.of(session, other, untouched)) {
            for (long seq = 1; seq <= 3; seq++) {
                entries.add(new InboxEntry(s, app, seq, "{\"seq\":" + seq + "}", now.truncatedTo(ChronoUnit.MILLIS)));
            }
        }
        inbox.store(entries);
        inbox.remove(List.of(new InboxCut(session, app, 1), new InboxCut(other, app, 3)));
        assertEquals(List.of(2L, 3L), seqs(inbox.pending(session, app)));
        assertEquals(List.of(), seqs(inbox.pending(other, app)));
        assertEquals(List.of(1L, 2L, 3L), seqs(inbox.pending(untouched, app)));
        inbox.remove(List.of());
        assertEquals(List.of(2L, 3L), seqs(inbox.pending(session, app)), "no cuts remove nothing");
    }

    @Test
    void removeCreatedBeforeExpiresOldEntriesOnly() throws Exception {
        Inbox inbox = started().inbox();
        Instant now = Instant.now();
        inbox.store(List.of(entry(1, now.minusSeconds(3600)), entry(2, now)));
        assertEquals(1, inbox.removeCreatedBefore(now.minusSeconds(60)));
        assertEquals(List.of(2L), seqs(inbox.pending(session, app)));
    }

    /** For engines that keep data: what one start stored, the next start reads. */
    protected final void storedEntriesSurviveARestart() throws Exception {
        Database first = started();
        first.inbox().store(List.of(entry(7, Instant.now())));
        first.stop();
        assertEquals(List.of(7L), seqs(started().inbox().pending(session, app)));
    }

    private static List<Long> seqs(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::seq).toList();
    }
}
