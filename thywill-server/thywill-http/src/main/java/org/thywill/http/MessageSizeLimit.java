package org.thywill.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.metrics.Counter;

/**
 * The largest message a client may send ({@code maxMessageSize}), and what happens to a larger one: it is dropped,
 * counted, logged at most once a second per connection, and its sender is answered with a {@code message-too-big}
 * error ({@link #refusal}); the connection carries on. A transport reads a text up to {@link #frameLimit()} bytes
 * to answer so; past that it may close the connection, as it would be reading far more than it accepts.
 */
public final class MessageSizeLimit {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSizeLimit.class);

    private final int maxMessageSize;
    private final Counter dropped;

    /**
     * @param maxMessageSize the largest message a client may send, in bytes
     * @param metrics counts the messages dropped
     */
    public MessageSizeLimit(int maxMessageSize, ClientMetrics metrics) {
        this.maxMessageSize = maxMessageSize;
        this.dropped = metrics.oversized();
    }

    /** @return the largest message a client may send, in bytes */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** @return the largest text read and answered with an error rather than ending the connection */
    public int frameLimit() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * maxMessageSize, maxMessageSize + 65_536L));
    }

    /**
     * Counts and logs a message dropped for its size.
     *
     * @param bytes its size
     * @param channel where it was sent
     * @param connection the sender's id, or null when unknown
     * @param throttle the sender's log throttle
     */
    public void dropped(Object bytes, String channel, String connection, LogThrottle throttle) {
        dropped.increment();
        if (throttle.allows()) {
            LOG.warn("Dropped a message of {} bytes on {} from connection {}: more than maxMessageSize ({})", bytes,
                    channel, connection == null ? "unknown" : connection, maxMessageSize);
        }
    }

    /**
     * @param bytes the dropped message's size
     * @return what its sender is told, and what to change
     */
    public String refusal(Object bytes) {
        return "The message was " + bytes + " bytes, more than the " + maxMessageSize + " this server accepts; it was"
                + " dropped. Send less at once.";
    }
}
