package org.thywill.client.cometd;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.metrics.Counter;

/**
 * Drops a message that arrived in a text larger than {@code maxMessageSize} (marked by {@link ListArraysJsonContext})
 * and answers its sender with a {@code message-too-big} error (a remote call's {@code rpc-error}, under its id); the
 * connection carries on. Over WebSocket this is what a frame up to {@link #frameLimit} bytes gets; Jetty closes the
 * socket on a larger one (1009), as CometD's HTTP transport refuses a larger request body. Logged at most once a
 * second per connection.
 */
final class MessageSizeLimit implements BayeuxServer.Extension {

    /** The field the JSON context sets, to the text's size in bytes, on every message of an oversized text. */
    static final String OVERSIZED = "thywill.oversized";
    private static final Logger LOG = LoggerFactory.getLogger(MessageSizeLimit.class);
    private static final String LAST_LOG = "thywill.oversizedLogged";

    private final int maxMessageSize;
    private final Counter dropped;

    MessageSizeLimit(int maxMessageSize, Counter dropped) {
        this.maxMessageSize = maxMessageSize;
        this.dropped = dropped;
    }

    /**
     * @param maxMessageSize the largest message a client may send
     * @return the largest WebSocket frame read and answered with an error rather than closing the socket
     */
    static int frameLimit(int maxMessageSize) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * maxMessageSize, maxMessageSize + 65_536L));
    }

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        if (!message.containsKey(OVERSIZED)) {
            return true;
        }
        refuse(from, message);
        String channel = message.getChannel();
        if (from != null && ChannelPolicy.isApplicationService(channel)) {
            Refusal.tell(from, message, ClientMessageException.MESSAGE_TOO_BIG, "The message was "
                    + message.get(OVERSIZED) + " bytes, more than the " + maxMessageSize + " this server accepts;"
                    + " it was dropped. Send less at once.");
        }
        return false;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        if (!message.containsKey(OVERSIZED)) {
            return true;
        }
        refuse(from, message);
        return false;
    }

    private void refuse(ServerSession from, ServerMessage.Mutable message) {
        dropped.increment();
        long now = System.nanoTime();
        Object last = from == null ? null : from.getAttribute(LAST_LOG);
        if (!(last instanceof Long at) || now - at >= 1_000_000_000L) {
            if (from != null) {
                from.setAttribute(LAST_LOG, now);
            }
            LOG.warn("Dropped a message of {} bytes on {} from connection {}: more than maxMessageSize ({})",
                    message.get(OVERSIZED), message.getChannel(), from == null ? "unknown" : from.getId(),
                    maxMessageSize);
        }
    }
}
