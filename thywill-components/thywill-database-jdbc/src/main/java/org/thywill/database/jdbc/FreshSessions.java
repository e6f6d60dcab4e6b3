package org.thywill.database.jdbc;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The sessions this server created in the last minute that no channel has taken as a member since: they have no
 * channels, so asking for them needs no query. A session made for a handshake without a cookie is asked for its
 * channels at once, by its first connection, and this saves that read. Memberships are added through this
 * server's own store (the Push {@code cometd} runs on one server; the Push {@code redis} keeps memberships in
 * Redis), which forgets the session here as it adds one.
 */
final class FreshSessions {

    /** How long a new session is known to have no channels unless it joins one. */
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    /** @param session a session this server just created */
    void created(String session) {
        long now = System.nanoTime();
        created.put(session, now);
        order.add(session);
        for (String oldest = order.peek(); oldest != null; oldest = order.peek()) {
            Long at = created.get(oldest);
            if (at != null && now - at < WINDOW_NANOS) {
                break;
            }
            order.poll();
            if (at != null) {
                created.remove(oldest, at);
            }
        }
    }

    /** @param session a session that is about to join a channel */
    void forget(String session) {
        created.remove(session);
    }

    /** @return whether the session is new and has joined nothing */
    boolean fresh(String session) {
        Long at = created.get(session);
        return at != null && System.nanoTime() - at < WINDOW_NANOS;
    }
}
