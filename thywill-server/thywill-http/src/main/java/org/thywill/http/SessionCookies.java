package org.thywill.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;

/**
 * Finds a browser's session from its HttpOnly cookie, or starts one: so every tab of a browser shares a session
 * while each tab is its own connection. A cookie of an expired, deleted or unknown session gets a new session. The
 * cookie lasts as long as the session would without activity ({@code Max-Age}), and each page load renews both.
 */
public final class SessionCookies {

    private final String name;
    private final SessionStore store;
    private final boolean alwaysSecure;

    /**
     * @param name the cookie's name
     * @param store the sessions
     * @param alwaysSecure mark the cookie {@code Secure} on every reply, not only on those to HTTPS requests
     */
    public SessionCookies(String name, SessionStore store, boolean alwaysSecure) {
        this.name = name;
        this.store = store;
        this.alwaysSecure = alwaysSecure;
    }

    /** @return the request's known session, without creating one */
    public Optional<SessionId> find(HttpServletRequest request) {
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

    /**
     * @return the request's session, created when it has none; the response sets its cookie, anew for a known one
     *         so that the cookie's lifetime starts again with the session's
     */
    public SessionId findOrCreate(HttpServletRequest request, HttpServletResponse response) {
        SessionId session = find(request).orElseGet(store::create);
        response.addHeader("Set-Cookie", setCookie(session, request.isSecure()));
        return session;
    }

    private String setCookie(SessionId session, boolean secureRequest) {
        StringBuilder header = new StringBuilder(name).append('=').append(session.value()).append("; Path=/");
        store.lifetime().ifPresent(lifetime -> header.append("; Max-Age=").append(lifetime.toSeconds()));
        header.append("; HttpOnly; SameSite=Lax");
        if (alwaysSecure || secureRequest) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /** @return the name of the cookie, which a transport reads from its upgrade or handshake request */
    public String name() {
        return name;
    }

    /**
     * @param cookie the value of the session cookie a connection's request carried, or null without one
     * @return its known session, or a new one for a connection that has none
     */
    public SessionId ofConnection(String cookie) {
        Optional<SessionId> known = cookie == null ? Optional.empty() : store.find(cookie);
        return known.orElseGet(store::createForConnection);
    }
}
