package org.thywill.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.metrics.Metrics;

/**
 * Counts and logs the messages the inboxes drop undelivered, because an inbox was full ({@code inboxMaxMessages})
 * or a message waited too long ({@code inboxMaxAge}), so that an operator sees them in the log and the metrics.
 */
final class InboxLosses {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLosses.class);

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    /** @param metrics where the two counts are registered */
    InboxLosses(Metrics metrics) {
        String help = "Messages dropped instead of delivered, by reason.";
        metrics.counter("thywill.messages.dropped", help, dropped::get, "reason", "inbox-overflow");
        metrics.counter("thywill.messages.dropped", help, expired::get, "reason", "inbox-expired");
    }

    /** A full inbox dropped its oldest message for a newer one. */
    void overflowed(InboxKey key, long seq, int maxMessages) {
        long total = dropped.incrementAndGet();
        LOG.warn("Dropped message {} of {} for a session: its inbox already held {} unacknowledged messages"
                + " (inboxMaxMessages); {} dropped so far", seq, key.applicationId(), maxMessages, total);
    }

    /** Messages held in memory waited longer than their application's max age. */
    void expired(InboxKey key, int count, Duration maxAge) {
        long total = expired.addAndGet(count);
        LOG.warn("{} messages of {} for a session expired unacknowledged after {} (inboxMaxAge); {}"
                + " expired so far", count, key.applicationId(), maxAge, total);
    }

    /** Stored messages of sessions that never came back waited longer than any application keeps them. */
    void expiredStored(int count, Duration longestMaxAge) {
        long total = expired.addAndGet(count);
        LOG.warn("{} stored messages for sessions that did not come back expired after {}"
                + " (inboxMaxAge); {} expired so far", count, longestMaxAge, total);
    }
}
