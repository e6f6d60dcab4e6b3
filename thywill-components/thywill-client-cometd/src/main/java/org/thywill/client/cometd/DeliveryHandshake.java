package org.thywill.client.cometd;

import java.util.Collection;
import java.util.Map;
import org.cometd.bayeux.server.ServerMessage;
import org.thywill.delivery.ClientDelivery;

/**
 * What a handshake says about acknowledged delivery, in {@code ext.thywill}: {@code "ack":true} from a client library
 * that acknowledges what it handled, and {@code "handled":{"appId":seq}}, the last seq it handled per application.
 *
 * @param acknowledges the client acknowledges messages
 * @param handled the last seq handled per application
 */
record DeliveryHandshake(boolean acknowledges, Map<String, Long> handled) {

    /**
     * @param handshake a handshake
     * @param running the ids of the running applications (see {@link ClientDelivery#handled})
     * @return what the handshake says
     */
    static DeliveryHandshake of(ServerMessage handshake, Collection<String> running) {
        Map<String, Object> ext = handshake.getExt();
        if (ext == null || !(ext.get("thywill") instanceof Map<?, ?> thywill)
                || !Boolean.TRUE.equals(thywill.get("ack"))) {
            return new DeliveryHandshake(false, Map.of());
        }
        return new DeliveryHandshake(true, ClientDelivery.handled(thywill.get("handled"), running));
    }
}
