package org.thywill.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;

class SessionInboxTest {

    private final InboxKey key = new InboxKey(new SessionId("s"), "app");
    private final List<Long> delivered = new ArrayList<>();

    private SessionInbox.Pending append(SessionInbox inbox, long now, int max, CompletableFuture<Receipt> receipt) {
        return inbox.append(Map.of("type", "message", "data", "x"), receipt, now, max, dropped -> { },
                (p, attached) -> delivered.add(p.seq()));
    }

    @Test
    void seqIncreasesAboveWhatWasStoredBeforeARestartEvenWithinOneMillisecond() {
        long stored = 5_000_000_000_000_000L;
        SessionInbox inbox = new SessionInbox(key, List.of(new SessionInbox.Pending(stored, Map.of(), 0, null)));
        long now = 1_000;
        long first = append(inbox, now, 10, null).seq();
        long second = append(inbox, now, 10, null).seq();
        assertEquals(stored + 1, first);
        assertEquals(stored + 2, second);
        SessionInbox fresh = new SessionInbox(key, List.of());
        assertEquals(now * 1000, append(fresh, now, 10, null).seq(), "a fresh inbox starts at the time in µs");
        assertEquals(List.of(first, second, now * 1000), delivered);
        SessionInbox.Pending third = append(inbox, now, 10, null);
        assertEquals(third.seq(), third.envelope().get("seq"), "the envelope carries its seq");
    }

    @Test
    void replayGivesOnlyNewerMessagesInOrderAndAcknowledgementCompletesReceipts() throws Exception {
        SessionInbox inbox = new SessionInbox(key, List.of());
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        long a = append(inbox, 1, 10, receipt).seq();
        long b = append(inbox, 1, 10, null).seq();
        long c = append(inbox, 1, 10, null).seq();
        List<Long> replayed = new ArrayList<>();
        inbox.replay(new ConnectionId("c"), a, p -> replayed.add(p.seq()));
        assertEquals(List.of(b, c), replayed);
        assertEquals(2, inbox.acknowledge(b, Instant.EPOCH, nanos -> { }));
        assertEquals(a, receipt.get().seq());
        assertEquals(1, inbox.size());
    }

    @Test
    void overflowAndExpiryFailReceiptsWithTheirReason() {
        SessionInbox inbox = new SessionInbox(key, List.of());
        CompletableFuture<Receipt> pushedOut = new CompletableFuture<>();
        CompletableFuture<Receipt> expired = new CompletableFuture<>();
        append(inbox, 1, 1, pushedOut);
        append(inbox, 2, 1, expired);
        assertEquals(DeliveryFailure.OVERFLOW, reason(pushedOut));
        assertEquals(1, inbox.expire(3).size());
        assertEquals(DeliveryFailure.EXPIRED, reason(expired));
        assertTrue(inbox.isIdleSince(Long.MAX_VALUE));
    }

    private static DeliveryFailure reason(CompletableFuture<Receipt> receipt) {
        try {
            receipt.get();
            throw new AssertionError("the receipt completed");
        } catch (ExecutionException e) {
            return ((DeliveryFailedException) e.getCause()).reason();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
