package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Tells every client the server's time in its successful handshake reply, as {@code ext.thywill.serverTime}
 * (milliseconds since the epoch), so that the browser library can set its clock by the server's and measure how
 * long a message took from the application's send to the page's handler.
 */
final class HandshakeClock implements BayeuxServer.Extension {

    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()
                && (to == null || !to.isLocalSession())) {
            message.getExt(true).put("thywill", Map.of("serverTime", System.currentTimeMillis()));
        }
        return true;
    }
}
