package org.thywill.client.cometd;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.metrics.Counter;
import org.thywill.delivery.RateBucket;

/**
 * Caps how many messages one connection may send per second (a token bucket holding one second's worth), so one
 * runaway client cannot take the server's threads from the others. A message over the limit is dropped and
 * answered with a {@code rate-limited} error to its sender (a remote call's {@code rpc-error}, under its id); the
 * breach is logged once per second per connection.
 */
final class MessageRateLimit implements BayeuxServer.Extension {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRateLimit.class);
    private static final String BUCKET = "thywill.rateBucket";
    private final int perSecond;
    private final Counter dropped;

    MessageRateLimit(int perSecond, Counter dropped) {
        this.perSecond = perSecond;
        this.dropped = dropped;
    }

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || from.isLocalSession() || !ChannelPolicy.isApplicationService(message.getChannel())) {
            return true;
        }
        RateBucket bucket = (RateBucket) from.getAttribute(BUCKET);
        if (bucket == null) {
            bucket = new RateBucket(perSecond);
            from.setAttribute(BUCKET, bucket);
        }
        if (bucket.take()) {
            return true;
        }
        dropped.increment();
        if (bucket.shouldLog()) {
            LOG.warn("Connection {} sends more than {} messages a second; dropping the excess", from.getId(),
                    perSecond);
        }
        Refusal.tell(from, message, ClientMessageException.RATE_LIMITED, "More than " + perSecond + " messages a"
                + " second from this connection; this one was dropped. Send less often.");
        return false;
    }
}
