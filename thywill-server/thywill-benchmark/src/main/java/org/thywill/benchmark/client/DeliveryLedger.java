package org.thywill.benchmark.client;

import java.util.concurrent.atomic.LongAdder;

/**
 * The run's account of messages by phase, so that the hold's counts add up: each message is stamped with the
 * phase in which it was counted as sent (it carries the stamp to its receivers), and each delivery is counted by
 * that phase and the receiver's phase. A reply in the hold to a message sent before it is then told apart from a
 * duplicate (a message id received twice, counted by the caller), and with nothing missing
 * {@code expected = received - beforeHold + afterHold} holds exactly. Thread-safe without locks.
 */
final class DeliveryLedger {

    /** Where a message was sent or received, relative to the measured hold. */
    enum Phase {
        /** The ramp and the warm-up. */
        BEFORE,
        /** The measured hold. */
        HOLD,
        /** After the hold: the drain. */
        AFTER;

        private static final Phase[] ALL = values();

        /**
         * @param stamp a phase's ordinal, as a message carries it
         * @return the phase, or null for a stamp out of range
         */
        static Phase of(long stamp) {
            return stamp >= 0 && stamp < ALL.length ? ALL[(int) stamp] : null;
        }
    }

    /**
     * The hold's account.
     *
     * @param sent messages sent in the hold
     * @param expected deliveries the hold's messages should cause
     * @param received deliveries in the hold, duplicates left out
     * @param beforeHold of {@code received}, deliveries of messages not sent in the hold: sent before it, in
     *                   flight when it opened
     * @param afterHold deliveries of the hold's messages that arrived outside it: after it, in flight when it
     *                  closed
     * @param missing deliveries expected over the whole run that have not arrived
     * @param duplicates deliveries, over the whole run, of a message its receiver had received already
     */
    record Counts(long sent, long expected, long received, long beforeHold, long afterHold, long missing,
                  long duplicates) {
    }

    private static final int PHASES = Phase.ALL.length;

    private volatile Phase phase = Phase.BEFORE;
    private final LongAdder[] sent = adders(PHASES);
    private final LongAdder[] expected = adders(PHASES);
    /** Deliveries by the phase their message was sent in (first index) and the phase they arrived in. */
    private final LongAdder[] delivered = adders(PHASES * PHASES);
    private final LongAdder duplicates = new LongAdder();

    /** @return the current phase */
    Phase phase() {
        return phase;
    }

    /** Starts the hold. */
    void openHold() {
        phase = Phase.HOLD;
    }

    /** Ends the hold. */
    void closeHold() {
        phase = Phase.AFTER;
    }

    /**
     * @param expectedDeliveries the deliveries this message should cause
     * @return the phase it was counted in, for the message to carry
     */
    Phase sent(long expectedDeliveries) {
        Phase now = phase;
        sent[now.ordinal()].increment();
        expected[now.ordinal()].add(expectedDeliveries);
        return now;
    }

    /** @param sentIn the phase the delivered message carried: a message received for the first time */
    void delivered(Phase sentIn) {
        delivered[sentIn.ordinal() * PHASES + phase.ordinal()].increment();
    }

    /** A message its receiver had received already arrived again: not a delivery. */
    void duplicate() {
        duplicates.increment();
    }

    /** @return deliveries expected over the whole run that have not arrived */
    long missing() {
        long owed = 0;
        for (LongAdder e : expected) {
            owed += e.sum();
        }
        for (LongAdder d : delivered) {
            owed -= d.sum();
        }
        return Math.max(0, owed);
    }

    /** @return the account as it stands */
    Counts counts() {
        int hold = Phase.HOLD.ordinal();
        long received = 0;
        long afterHold = 0;
        for (Phase p : Phase.ALL) {
            received += delivered(p, Phase.HOLD);
            afterHold += p == Phase.HOLD ? 0 : delivered(Phase.HOLD, p);
        }
        return new Counts(sent[hold].sum(), expected[hold].sum(), received,
                received - delivered(Phase.HOLD, Phase.HOLD), afterHold, missing(), duplicates.sum());
    }

    private long delivered(Phase sentIn, Phase receivedIn) {
        return delivered[sentIn.ordinal() * PHASES + receivedIn.ordinal()].sum();
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] all = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            all[i] = new LongAdder();
        }
        return all;
    }
}
