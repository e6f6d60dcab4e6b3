package org.thywill.client.cometd;

import java.util.HashMap;
import java.util.Map;
import org.cometd.bayeux.server.ServerMessage;
import org.thywill.api.push.Envelopes;

/**
 * What a handshake says about acknowledged delivery, in {@code ext.thywill}: {@code "ack":true} from a client library
 * that acknowledges what it handled, and {@code "handled":{"appId":seq}}, the last seq it handled per application.
 *
 * @param acknowledges the client acknowledges messages
 * @param handled the last seq handled per application
 */
record DeliveryHandshake(boolean acknowledges, Map<String, Long> handled) {

    static DeliveryHandshake of(ServerMessage handshake) {
        Map<String, Object> ext = handshake.getExt();
        if (ext == null || !(ext.get("thywill") instanceof Map<?, ?> thywill)
                || !Boolean.TRUE.equals(thywill.get("ack"))) {
            return new DeliveryHandshake(false, Map.of());
        }
        Map<String, Long> handled = new HashMap<>();
        if (thywill.get("handled") instanceof Map<?, ?> seqs) {
            seqs.forEach((app, seq) -> {
                if (app instanceof String id && seq instanceof Number n && Envelopes.isName(id, 0)) {
                    handled.put(id, n.longValue());
                }
            });
        }
        return new DeliveryHandshake(true, Map.copyOf(handled));
    }
}
