package org.thywill.client.cometd;

import java.util.Queue;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.metrics.Counter;
import org.thywill.api.push.Envelopes;
import org.thywill.http.InboundMessages;

/**
 * What happens when a client reads slower than the server sends and {@code maxQueue} messages wait for it: the
 * waiting messages are discarded, the client is sent one {@code slow-consumer} error saying how many, and the
 * event is logged. Memory stays bounded and other clients are not slowed; the connection stays up. A connection
 * that acknowledges gets its numbered messages again from its session's inboxes, a batch at a time
 * (the Push hears {@code fellBehind}); the rest (connection sends, call answers) are lost.
 */
final class SlowConsumerPolicy implements ServerSession.QueueMaxedListener {

    private static final Logger LOG = LoggerFactory.getLogger(SlowConsumerPolicy.class);
    private final BayeuxServerImpl bayeux;
    private final String applicationId;
    private final Counter dropped;
    private final Runnable fellBehind;

    SlowConsumerPolicy(BayeuxServerImpl bayeux, String applicationId, Counter dropped, Runnable fellBehind) {
        this.bayeux = bayeux;
        this.applicationId = applicationId;
        this.dropped = dropped;
        this.fellBehind = fellBehind;
    }

    @Override
    public boolean queueMaxed(ServerSession session, Queue<ServerMessage> queue, ServerSession sender,
                              ServerMessage message) {
        int dropped = queue.size() + 1;
        queue.clear();
        this.dropped.increment(dropped);
        ServerMessage.Mutable error = bayeux.newMessage();
        error.setChannel(Envelopes.applicationChannel(applicationId));
        error.setData(InboundMessages.fellBehind(dropped));
        bayeux.freeze(error);
        queue.offer(error);
        LOG.warn("Connection {} fell {} messages behind; dropped them and told it", session.getId(), dropped);
        fellBehind.run();
        return false;
    }
}
