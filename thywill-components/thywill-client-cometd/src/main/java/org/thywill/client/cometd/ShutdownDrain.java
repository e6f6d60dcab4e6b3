package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.metrics.Counter;

/**
 * The Bayeux side of a graceful shutdown. Once {@link #begin() begun}, handshakes are refused with the advice to
 * try again (a client's retry then reaches another node behind a load balancer, or this one restarted), and every
 * {@code /meta/connect} reply tells its client that its session is gone and to handshake again, as CometD's own
 * "unknown session" answer does, rather than to stop as a reply to a removed session otherwise would.
 */
final class ShutdownDrain implements BayeuxServer.Extension {

    /** How long a client refused during the shutdown waits before its next handshake, in milliseconds. */
    static final long RETRY_MILLIS = 1000;

    private final Counter refused;
    private volatile boolean draining;

    ShutdownDrain(Counter refused) {
        this.refused = refused;
    }

    void begin() {
        draining = true;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        if (draining && Channel.META_HANDSHAKE.equals(message.getChannel())
                && (from == null || !from.isLocalSession())) {
            refused.increment();
            return false;
        }
        return true;
    }

    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if (!draining || (to != null && to.isLocalSession())) {
            return true;
        }
        String channel = message.getChannel();
        if (Channel.META_HANDSHAKE.equals(channel) && !message.isSuccessful()) {
            message.put(Message.ERROR_FIELD, "503::server_stopping");
            advise(message, RETRY_MILLIS);
        } else if (Channel.META_CONNECT.equals(channel)) {
            message.setSuccessful(false);
            message.put(Message.ERROR_FIELD, "402::session_unknown");
            advise(message, 0);
        }
        return true;
    }

    private static void advise(ServerMessage.Mutable message, long interval) {
        Map<String, Object> advice = message.getAdvice(true);
        advice.put(Message.RECONNECT_FIELD, Message.RECONNECT_HANDSHAKE_VALUE);
        advice.put(Message.INTERVAL_FIELD, interval);
    }
}
