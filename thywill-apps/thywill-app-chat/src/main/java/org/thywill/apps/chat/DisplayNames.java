package org.thywill.apps.chat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.thywill.api.client.SessionId;

/**
 * Who is called what: one name per session, so every tab of a browser, and a reloaded page, is the same person.
 * Names are unique ignoring case, so that a page can recognise its own rename and the online list can drop the
 * right person; thread-safe, since handlers for different sessions and presence events run concurrently.
 */
final class DisplayNames {

    private final Map<SessionId, String> nameOf = new ConcurrentHashMap<>();
    private final Map<String, SessionId> holderOf = new ConcurrentHashMap<>();
    private final AtomicInteger guests = new AtomicInteger();

    /**
     * @param session a session
     * @return its name; for a session without one, the first free "Guest N", now its name
     */
    String nameOrGuest(SessionId session) {
        String current = nameOf.get(session);
        if (current != null) {
            return current;
        }
        synchronized (this) { // two first connections of a session must not both take a name
            current = nameOf.get(session);
            return current != null ? current : assignGuest(session);
        }
    }

    private String assignGuest(SessionId session) {
        while (true) {
            String name = "Guest " + guests.incrementAndGet();
            if (holderOf.putIfAbsent(key(name), session) == null) {
                nameOf.put(session, name);
                return name;
            }
        }
    }

    /**
     * Names a signed-in person's browser after their login, so that every browser of theirs shows the same name.
     *
     * @param session the session
     * @param name the name the login gave
     */
    void signIn(SessionId session, String name) {
        String old = nameOf.put(session, name);
        if (old != null && !key(old).equals(key(name))) {
            holderOf.remove(key(old), session);
        }
        holderOf.putIfAbsent(key(name), session);
    }

    /**
     * @param session a session
     * @return its name, or empty if it has none (it has left)
     */
    Optional<String> nameOf(SessionId session) {
        return Optional.ofNullable(nameOf.get(session));
    }

    /**
     * @param session a named session
     * @param wanted the new name, valid
     * @return the old name, or empty if another session holds the wanted one or this session has left
     */
    Optional<String> rename(SessionId session, String wanted) {
        String old = nameOf.get(session);
        if (old == null) {
            return Optional.empty();
        }
        SessionId holder = holderOf.putIfAbsent(key(wanted), session);
        if (holder != null && !holder.equals(session)) {
            return Optional.empty();
        }
        if (!nameOf.replace(session, old, wanted)) {
            // Left meanwhile: give the name back.
            holderOf.remove(key(wanted), session);
            return Optional.empty();
        }
        if (!key(old).equals(key(wanted))) {
            holderOf.remove(key(old), session);
        }
        return Optional.of(old);
    }

    /**
     * @param session a session that left
     * @return the name it had, now free, or empty if it had none
     */
    Optional<String> remove(SessionId session) {
        String name = nameOf.remove(session);
        if (name != null) {
            holderOf.remove(key(name), session);
        }
        return Optional.ofNullable(name);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
