package org.thywill.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.client.SessionId;

/**
 * Remembers the ids of the last messages each session sent, so that a message the browser library sends again
 * after a reconnection (it had no answer) reaches the application once. A window of {@value #WINDOW} ids per
 * session, forgotten once the session has sent nothing for {@link #forgetIdle}'s age. A window keeps a 64-bit
 * hash of each application and id, not their text: about 2 KB per session whatever the ids (at most 64
 * characters, {@link org.thywill.api.push.Envelopes#MAX_ID_LENGTH}), where the text took up to 60 KB. Two ids of
 * one session with the same hash would make the second look like a retry: by chance about 256 in 2^64 per message,
 * and a client that contrives it loses only its own message.
 */
final class ClientMessageIds {

    static final int WINDOW = 256;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** The last {@value #WINDOW} hashes of one session, in a ring; a scan of 256 longs costs less than a set. */
    private static final class Window {
        final long[] hashes = new long[WINDOW];
        int next;
        int size;
        volatile long lastUsedMillis;

        synchronized boolean add(long hash) {
            for (int i = 0; i < size; i++) {
                if (hashes[i] == hash) {
                    return false;
                }
            }
            hashes[next] = hash;
            next = (next + 1) % WINDOW;
            size = Math.min(WINDOW, size + 1);
            return true;
        }
    }

    /** How long the ids of a session's messages are remembered after its last message. */
    static final long MEMORY_MILLIS = 10 * 60_000;

    private final Map<SessionId, Window> seen = new ConcurrentHashMap<>();
    /** When idle windows are next looked for: at most once a minute, by whoever sends then. */
    private volatile long nextForget = System.currentTimeMillis() + 60_000;

    /** @return true the first time an id is seen in its window, false for a repeat */
    boolean firstTime(SessionId session, String applicationId, String id) {
        long now = System.currentTimeMillis();
        if (now > nextForget) {
            nextForget = now + 60_000;
            forgetIdle(now - MEMORY_MILLIS);
        }
        Window window = seen.computeIfAbsent(session, s -> new Window());
        window.lastUsedMillis = now;
        return window.add(hash(applicationId, id));
    }

    /** FNV-1a over the characters of both, with a separator that neither holds (an application id is a name). */
    static long hash(String applicationId, String id) {
        long h = FNV_OFFSET;
        for (int i = 0; i < applicationId.length(); i++) {
            h = (h ^ applicationId.charAt(i)) * FNV_PRIME;
        }
        h = (h ^ '/') * FNV_PRIME;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** @param cutoffMillis windows not used since then are forgotten */
    void forgetIdle(long cutoffMillis) {
        seen.values().removeIf(w -> w.lastUsedMillis < cutoffMillis);
    }
}
