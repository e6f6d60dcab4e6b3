package org.thywill.benchmark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.thywill.benchmark.client.DeliveryLedger.Phase;

class DeliveryLedgerTest {

    @Test
    void aReplyInTheHoldToAMessageSentBeforeItIsReceivedNotADuplicate() {
        DeliveryLedger ledger = new DeliveryLedger();
        Phase early = ledger.sent(1);
        ledger.sent(1);
        ledger.delivered(Phase.BEFORE);
        ledger.openHold();
        ledger.delivered(early);
        Phase inHold = ledger.sent(1);
        ledger.delivered(inHold);

        DeliveryLedger.Counts counts = ledger.counts();
        assertEquals(Phase.BEFORE, early);
        assertEquals(Phase.HOLD, inHold);
        assertEquals(1, counts.sent(), "messages sent in the hold");
        assertEquals(1, counts.expected());
        assertEquals(2, counts.received(), "both deliveries in the hold count as received");
        assertEquals(1, counts.beforeHold(), "one of them is a reply to a message sent before the hold");
        assertEquals(0, counts.duplicates());
        assertEquals(0, counts.missing());
    }

    @Test
    void theHoldAddsUpWithRepliesInFlightAtBothEndsDuplicatesAndLosses() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (int i = 0; i < 3; i++) {
            ledger.sent(1);
        }
        ledger.delivered(Phase.BEFORE);
        ledger.openHold();
        ledger.delivered(Phase.BEFORE);
        ledger.delivered(Phase.BEFORE);
        Phase[] hold = new Phase[5];
        for (int i = 0; i < hold.length; i++) {
            hold[i] = ledger.sent(1);
        }
        ledger.sent(10);
        for (int i = 0; i < 3; i++) {
            ledger.delivered(hold[i]);
        }
        for (int i = 0; i < 8; i++) {
            ledger.delivered(Phase.HOLD);
        }
        ledger.duplicate();
        ledger.closeHold();
        ledger.delivered(hold[3]);
        ledger.duplicate();
        ledger.sent(1);

        DeliveryLedger.Counts counts = ledger.counts();
        assertEquals(6, counts.sent());
        assertEquals(15, counts.expected(), "five echoes and a broadcast to ten");
        assertEquals(13, counts.received(), "two from before the hold and eleven of its own");
        assertEquals(2, counts.beforeHold());
        assertEquals(1, counts.afterHold());
        assertEquals(2, counts.duplicates());
        assertEquals(4, counts.missing(), "three of the hold's deliveries, and the message sent after it");
        assertEquals(counts.expected(), counts.received() - counts.beforeHold() + counts.afterHold() + 3,
                "with its three losses, the hold adds up");
    }

    @Test
    void aPhaseIsReadBackFromItsStampAndAStrangeStampIsNoPhase() {
        for (Phase p : Phase.values()) {
            assertEquals(p, Phase.of(p.ordinal()));
        }
        assertNull(Phase.of(-1));
        assertNull(Phase.of(3));
    }
}
