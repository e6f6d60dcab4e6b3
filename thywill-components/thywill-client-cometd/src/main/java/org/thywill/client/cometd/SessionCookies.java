package org.thywill.client.cometd;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;

/**
 * Finds a browser's session from its HttpOnly cookie, or starts one: so every tab of a browser shares a session
 * while each tab is its own connection.
 */
final class SessionCookies {

    private final String name;
    private final SessionStore store;

    SessionCookies(String name, SessionStore store) {
        this.name = name;
        this.store = store;
    }

    /** @return the request's known session, without creating one */
    Optional<SessionId> find(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return store.find(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** @return the request's session, created (and its cookie set on the response) when it has none */
    SessionId findOrCreate(HttpServletRequest request, HttpServletResponse response) {
        return find(request).orElseGet(() -> {
            SessionId created = store.create();
            response.addHeader("Set-Cookie", name + "=" + created.value() + "; Path=/; HttpOnly; SameSite=Lax");
            return created;
        });
    }

    /** @return the session named by the handshake's cookie, or a new one for a client that has none */
    static SessionId fromHandshake(ServerMessage handshake, String name, SessionStore store) {
        BayeuxContext context = handshake.getBayeuxContext();
        String cookie = context == null ? null : context.getCookie(name);
        if (cookie != null) {
            Optional<SessionId> known = store.find(cookie);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return store.createForConnection();
    }
}
