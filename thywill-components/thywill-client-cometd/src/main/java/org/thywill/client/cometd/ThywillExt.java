package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Message;

/** Reads {@code ext.thywill}, where Thywill's own fields ride on Bayeux messages both ways. */
final class ThywillExt {

    private ThywillExt() {
    }

    /** @return the message's {@code ext.thywill} object, or an empty map when it has none */
    static Map<?, ?> of(Message message) {
        Map<String, Object> ext = message.getExt();
        return ext != null && ext.get("thywill") instanceof Map<?, ?> thywill ? thywill : Map.of();
    }
}
