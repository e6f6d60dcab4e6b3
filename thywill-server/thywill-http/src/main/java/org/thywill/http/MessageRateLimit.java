package org.thywill.http;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.metrics.Counter;

/**
 * Caps how many messages one connection may send per second, so one runaway client cannot take the server's
 * threads from the others: each connection gets an {@link Allowance}, a Bucket4j bucket holding one second's worth
 * and refilled continuously. A message over the limit is to be dropped and answered with a {@code rate-limited}
 * error ({@link #refusal()}); it is counted here, and the breach logged at most once a second per connection
 * ({@link LogThrottle}).
 */
public final class MessageRateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRateLimit.class);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final int perSecond;
    private final Counter dropped;

    /**
     * @param perSecond the most messages one connection may send per second ({@code maxMessagesPerSecond})
     * @param metrics counts the messages dropped
     */
    public MessageRateLimit(int perSecond, ClientMetrics metrics) {
        this.perSecond = perSecond;
        this.dropped = metrics.rateLimited();
    }

    /** @return a new connection's allowance, full */
    public Allowance allowance() {
        return new Allowance();
    }

    /** @return what the sender of a dropped message is told, and what to change */
    public String refusal() {
        return "More than " + perSecond + " messages a second from this connection; this one was dropped. Send less"
                + " often.";
    }

    /** One connection's allowance. Thread-safe. */
    public final class Allowance {
        private final Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, SECOND))
                .build();
        private final LogThrottle logs = new LogThrottle();

        private Allowance() {
        }

        /**
         * @param connection the connection's id, for the log
         * @return whether one more message is allowed; a refusal is counted and logged
         */
        public boolean take(String connection) {
            if (bucket.tryConsume(1)) {
                return true;
            }
            dropped.increment();
            if (logs.allows()) {
                LOG.warn("Connection {} sends more than {} messages a second; dropping the excess", connection,
                        perSecond);
            }
            return false;
        }
    }
}
