package org.thywill.http.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.auth.Credentials;

/**
 * Makes {@link Credentials} of what a connection's request carried: the token (a string of at most
 * {@value #MAX_TOKEN} characters), the cookies but Thywill's own session cookie, and the client's address.
 */
final class RequestCredentials {

    /** The longest token read: a JWT with many claims is a few KiB; anything far larger is not a token. */
    static final int MAX_TOKEN = 16 * 1024;

    private final String sessionCookie;

    /** @param sessionCookie the name of Thywill's own session cookie, which is not passed on */
    RequestCredentials(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    Credentials of(String applicationId, Object token, List<String> cookieHeaders, SocketAddress remote) {
        Optional<String> given = token instanceof String s && s.length() <= MAX_TOKEN ? Optional.of(s)
                : Optional.empty();
        Map<String, String> cookies = new LinkedHashMap<>();
        if (cookieHeaders != null) {
            cookieHeaders.forEach(header -> parseCookies(header, cookies));
        }
        cookies.remove(sessionCookie);
        String address = "";
        if (remote instanceof InetSocketAddress socket) {
            address = socket.getAddress() == null ? socket.getHostString() : socket.getAddress().getHostAddress();
        }
        return new Credentials(applicationId, given, cookies, address);
    }

    private static void parseCookies(String header, Map<String, String> into) {
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                into.putIfAbsent(pair.substring(0, eq).trim(), value);
            }
        }
    }
}
