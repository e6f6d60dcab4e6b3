package org.thywill.client.cometd;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ClientMessageException;
import org.thywill.http.LogThrottle;
import org.thywill.http.MessageSizeLimit;

/**
 * Drops a message that arrived in a text larger than {@code maxMessageSize} (marked by {@link ListArraysJsonContext})
 * and answers its sender with a {@code message-too-big} error (a remote call's {@code rpc-error}, under its id), as
 * {@link MessageSizeLimit} says. Over WebSocket this is what a frame up to {@link MessageSizeLimit#frameLimit} bytes
 * gets; Jetty closes the socket on a larger one (1009), as CometD's HTTP transport refuses a larger request body.
 */
final class OversizedMessages implements BayeuxServer.Extension {

    /** The field the JSON context sets, to the text's size in bytes, on every message of an oversized text. */
    static final String OVERSIZED = "thywill.oversized";
    private static final String THROTTLE = "thywill.oversizedLog";

    private final MessageSizeLimit limit;
    /** For messages whose sender has no session yet. */
    private final LogThrottle anonymous = new LogThrottle();

    OversizedMessages(MessageSizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        if (!message.containsKey(OVERSIZED)) {
            return true;
        }
        refuse(from, message);
        if (from != null && ChannelPolicy.isApplicationService(message.getChannel())) {
            Refusal.tell(from, message, ClientMessageException.MESSAGE_TOO_BIG, limit.refusal(message.get(OVERSIZED)));
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
        LogThrottle throttle = anonymous;
        if (from != null) {
            throttle = (LogThrottle) from.getAttribute(THROTTLE);
            if (throttle == null) {
                throttle = new LogThrottle();
                from.setAttribute(THROTTLE, throttle);
            }
        }
        limit.dropped(message.get(OVERSIZED), message.getChannel(), from == null ? null : from.getId(), throttle);
    }
}
