package org.thywill.testing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a page of the browser library remembers of the messages it handled, across reconnections and reloads (it
 * keeps it in sessionStorage): the last seq per application and the ids of the last {@value #RECENT_IDS} messages,
 * so that it drops copies.
 */
final class PageMemory {

    /** How many message ids a page remembers: thywill.js's RECENT_IDS. */
    static final int RECENT_IDS = 1000;

    /** The last seq handled per application; guarded by this. */
    private final Map<String, Long> handled = new HashMap<>();
    /** The ids ({@code mid}) of the last messages handled, oldest first; guarded by this. */
    private final Set<String> recentIds = new LinkedHashSet<>();

    /**
     * Records a numbered message as handled, unless it is a copy of one handled already.
     *
     * @param app the application it is from
     * @param seq its seq
     * @param id its {@code mid}, or null
     * @return whether it is new, to be handed on
     */
    synchronized boolean handle(String app, long seq, Object id) {
        if (seq <= handled.getOrDefault(app, 0L)) {
            return false;
        }
        handled.put(app, seq);
        if (id instanceof String mid) {
            if (!recentIds.add(mid)) {
                return false; // handled already under another seq: acknowledged with this one, not handed on again
            }
            if (recentIds.size() > RECENT_IDS) {
                recentIds.remove(recentIds.iterator().next());
            }
        }
        return true;
    }

    /** @return the last seq handled per application */
    synchronized Map<String, Long> handled() {
        return Map.copyOf(handled);
    }

    /** @return the last seq handled for {@code app}, 0 for none */
    synchronized long handledSeq(String app) {
        return handled.getOrDefault(app, 0L);
    }

    /**
     * @param app the application the page is of
     * @param acknowledging whether the page asks for acknowledged delivery, telling what it handled
     * @param token the token of the page's signed-in user, or null
     * @return the handshake's {@code ext.thywill}, as the browser library writes it
     */
    synchronized Map<String, Object> handshake(String app, boolean acknowledging, String token) {
        Map<String, Object> thywill = new HashMap<>(Map.of("application", app));
        if (acknowledging) {
            thywill.put("ack", true);
            thywill.put("handled", Map.copyOf(handled));
        }
        if (token != null) {
            thywill.put("token", token);
        }
        return thywill;
    }
}
