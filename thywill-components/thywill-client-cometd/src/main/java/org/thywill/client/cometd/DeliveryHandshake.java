package org.thywill.client.cometd;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.cometd.bayeux.server.ServerMessage;

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
     * @param running the ids of the running applications: each entry of {@code handled} becomes an inbox read from
     *                the Database, so entries naming another application are ignored, as is all past the
     *                {@value ConnectAcknowledgements#MAX_ENTRIES}th, the cap of {@code /meta/connect}'s acks
     * @return what the handshake says
     */
    static DeliveryHandshake of(ServerMessage handshake, Collection<String> running) {
        Map<String, Object> ext = handshake.getExt();
        if (ext == null || !(ext.get("thywill") instanceof Map<?, ?> thywill)
                || !Boolean.TRUE.equals(thywill.get("ack"))) {
            return new DeliveryHandshake(false, Map.of());
        }
        Map<String, Long> handled = new HashMap<>();
        if (thywill.get("handled") instanceof Map<?, ?> seqs) {
            int seen = 0;
            for (Map.Entry<?, ?> entry : seqs.entrySet()) {
                if (++seen > ConnectAcknowledgements.MAX_ENTRIES) {
                    break;
                }
                if (entry.getKey() instanceof String id && entry.getValue() instanceof Number n
                        && running.contains(id)) {
                    handled.put(id, n.longValue());
                }
            }
        }
        return new DeliveryHandshake(true, Map.copyOf(handled));
    }
}
