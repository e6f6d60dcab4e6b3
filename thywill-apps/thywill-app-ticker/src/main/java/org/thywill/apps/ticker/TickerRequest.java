package org.thywill.apps.ticker;

import java.util.Map;

/** What a page asked for, read from a message's data, so the application only acts. */
enum TickerRequest {
    /** Send me a row every second. */
    SUBSCRIBE,
    /** Stop sending me rows. */
    UNSUBSCRIBE,
    /** Neither: the page is answered with {@link #HOW}. */
    INVALID;

    /** What to send instead of an invalid message. */
    static final String HOW = "Send {\"subscribe\": true} to receive prices, or {\"unsubscribe\": true} to stop them.";

    /**
     * @param data a message's data as the application received it
     * @return the request it makes
     */
    static TickerRequest parse(Object data) {
        if (data instanceof Map<?, ?> map && map.size() == 1) {
            if (Boolean.TRUE.equals(map.get("subscribe"))) {
                return SUBSCRIBE;
            }
            if (Boolean.TRUE.equals(map.get("unsubscribe"))) {
                return UNSUBSCRIBE;
            }
        }
        return INVALID;
    }
}
