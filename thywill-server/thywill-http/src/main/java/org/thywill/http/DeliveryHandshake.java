package org.thywill.http;

import java.util.Collection;
import java.util.Map;
import org.thywill.delivery.ClientDelivery;

/**
 * What a client says about acknowledged delivery when it connects (over Bayeux, in the handshake's
 * {@code ext.thywill}): {@code "ack":true} from a client library that acknowledges what it handled, and
 * {@code "handled":{"appId":seq}}, the last seq it handled per application. A transport that sees
 * {@link #acknowledges()} hands {@link #handled()} to the Push's {@code acknowledging} before the connection's
 * listeners hear of it, and must deliver numbered messages in order.
 *
 * @param acknowledges the client acknowledges messages
 * @param handled the last seq handled per application
 */
public record DeliveryHandshake(boolean acknowledges, Map<String, Long> handled) {

    /**
     * @param fields the fields the client sent (over Bayeux, {@code ext.thywill}), or null
     * @param running the ids of the running applications (see {@link ClientDelivery#handled})
     * @return what the client said; a malformed {@code handled} counts as nothing handled
     */
    public static DeliveryHandshake of(Object fields, Collection<String> running) {
        if (!(fields instanceof Map<?, ?> thywill) || !Boolean.TRUE.equals(thywill.get("ack"))) {
            return new DeliveryHandshake(false, Map.of());
        }
        return new DeliveryHandshake(true, ClientDelivery.handled(thywill.get("handled"), running));
    }
}
