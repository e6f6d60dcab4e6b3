package org.thywill.client.cometd;

import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.http.ConnectionLimits;

/**
 * The {@link ConnectionLimits} at the Bayeux handshake. A handshake over a cap is refused: {@code error}
 * {@value #PER_ADDRESS_ERROR} or {@value #SERVER_ERROR}, {@code ext.thywill.error} saying which setting, and the
 * advice to handshake again after {@link ConnectionLimits#RETRY_MILLIS} ms. A connection counts until CometD removes
 * its session.
 */
final class HandshakeLimits implements BayeuxServer.Extension {

    static final String PER_ADDRESS_ERROR = "429::too_many_connections_from_address";
    static final String SERVER_ERROR = "503::too_many_connections";
    /** The session attribute holding the address a connection counts against. */
    private static final String ADDRESS = "thywill.connectionAddress";

    private final ConnectionLimits limits;

    HandshakeLimits(ConnectionLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts a handshake's connection, or refuses it; called once the rest of the handshake is found good.
     *
     * @return whether the connection may be made
     */
    boolean admit(ServerSession session, ServerMessage handshake) {
        BayeuxContext context = handshake.getBayeuxContext();
        String address = ConnectionLimits.address(context == null ? null : context.getRemoteAddress());
        Optional<ConnectionLimits.Refusal> refusal = limits.admit(address);
        ServerMessage.Mutable reply = handshake.getAssociated();
        if (refusal.isPresent() && reply != null) {
            reply.getExt(true).put("thywill", Map.of("error", refusal.get().error()));
            Map<String, Object> advice = reply.getAdvice(true);
            advice.put(Message.RECONNECT_FIELD, Message.RECONNECT_HANDSHAKE_VALUE);
            advice.put(Message.INTERVAL_FIELD, ConnectionLimits.RETRY_MILLIS);
        }
        if (refusal.isEmpty()) {
            session.setAttribute(ADDRESS, address);
        }
        return refusal.isEmpty();
    }

    /** A session ended: its connection no longer counts. */
    void release(ServerSession session) {
        if (session.removeAttribute(ADDRESS) instanceof String address) {
            limits.release(address);
        }
    }

    /** CometD writes {@code 403::handshake_denied} into every refused handshake: this says which cap refused it. */
    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if (Channel.META_HANDSHAKE.equals(message.getChannel()) && !message.isSuccessful()
                && ThywillExt.of(message).get("error") instanceof Map<?, ?> error
                && ConnectionLimits.CODE.equals(error.get("code"))) {
            message.put(Message.ERROR_FIELD, "maxConnections".equals(error.get("limit")) ? SERVER_ERROR
                    : PER_ADDRESS_ERROR);
        }
        return true;
    }
}
