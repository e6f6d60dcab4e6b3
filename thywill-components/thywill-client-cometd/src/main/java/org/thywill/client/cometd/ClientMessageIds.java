package org.thywill.client.cometd;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.SessionId;

/**
 * Remembers the ids of the last messages each session sent, so that a message the browser library sends again
 * after a reconnection (it had no answer) reaches the application once. A window of {@value #WINDOW} ids per
 * session, forgotten once the session has sent nothing for {@link #forgetIdle}'s age.
 */
final class ClientMessageIds {

    static final int WINDOW = 256;

    private static final class Window {
        final LinkedHashSet<String> ids = new LinkedHashSet<>();
        volatile long lastUsedMillis;
    }

    private final Map<SessionId, Window> seen = new ConcurrentHashMap<>();

    /** @return true the first time an id is seen in its window, false for a repeat */
    boolean firstTime(SessionId session, String applicationId, String id) {
        Window window = seen.computeIfAbsent(session, s -> new Window());
        window.lastUsedMillis = System.currentTimeMillis();
        synchronized (window) {
            if (!window.ids.add(applicationId + '\u0000' + id)) {
                return false;
            }
            if (window.ids.size() > WINDOW) {
                window.ids.remove(window.ids.iterator().next());
            }
            return true;
        }
    }

    /** @param cutoffMillis windows not used since then are forgotten */
    void forgetIdle(long cutoffMillis) {
        seen.values().removeIf(w -> w.lastUsedMillis < cutoffMillis);
    }
}
