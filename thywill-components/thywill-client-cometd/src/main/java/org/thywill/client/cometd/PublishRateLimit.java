package org.thywill.client.cometd;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ClientMessageException;
import org.thywill.http.MessageRateLimit;

/**
 * The {@link MessageRateLimit} on what a connection publishes to applications: a message over it is dropped and
 * answered with a {@code rate-limited} error to its sender (a remote call's {@code rpc-error}, under its id).
 */
final class PublishRateLimit implements BayeuxServer.Extension {

    private static final String ALLOWANCE = "thywill.rateAllowance";
    private final MessageRateLimit limit;

    PublishRateLimit(MessageRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || from.isLocalSession() || !ChannelPolicy.isApplicationService(message.getChannel())) {
            return true;
        }
        MessageRateLimit.Allowance allowance = (MessageRateLimit.Allowance) from.getAttribute(ALLOWANCE);
        if (allowance == null) {
            allowance = limit.allowance();
            from.setAttribute(ALLOWANCE, allowance);
        }
        if (allowance.take(from.getId())) {
            return true;
        }
        Refusal.tell(from, message, ClientMessageException.RATE_LIMITED, limit.refusal());
        return false;
    }
}
