package org.thywill.client.cometd.auth;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;
import org.thywill.api.auth.Credentials;

/**
 * Reads {@link Credentials} from a Bayeux message: the token from {@code ext.thywill.token} (or a refresh's
 * {@code data.token}), the cookies and address from the HTTP request that carried it.
 */
final class HandshakeCredentials {

    /** The longest token read: a JWT with many claims is a few KiB; anything far larger is not a token. */
    static final int MAX_TOKEN = 16 * 1024;

    private final String sessionCookie;

    /** @param sessionCookie the name of Thywill's own session cookie, which is not passed on */
    HandshakeCredentials(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    /** @return the handshake's credentials, its token in {@code ext.thywill.token} */
    Credentials ofHandshake(String applicationId, ServerMessage handshake) {
        Object token = null;
        Map<String, Object> ext = handshake.getExt();
        if (ext != null && ext.get("thywill") instanceof Map<?, ?> thywill) {
            token = thywill.get("token");
        }
        return of(applicationId, token, handshake);
    }

    /** @return a refresh's credentials, its token in {@code data.token} */
    Credentials ofRefresh(String applicationId, ServerMessage refresh) {
        Map<String, Object> data = refresh.getDataAsMap();
        return of(applicationId, data == null ? null : data.get("token"), refresh);
    }

    private Credentials of(String applicationId, Object token, ServerMessage message) {
        Optional<String> given = token instanceof String s && s.length() <= MAX_TOKEN ? Optional.of(s)
                : Optional.empty();
        BayeuxContext context = message.getBayeuxContext();
        Map<String, String> cookies = new LinkedHashMap<>();
        String remote = "";
        if (context != null) {
            List<String> headers = context.getHeaderValues("Cookie");
            if (headers != null) {
                headers.forEach(header -> parseCookies(header, cookies));
            }
            if (context.getRemoteAddress() instanceof InetSocketAddress address) {
                remote = address.getAddress() == null ? address.getHostString()
                        : address.getAddress().getHostAddress();
            }
        }
        cookies.remove(sessionCookie);
        return new Credentials(applicationId, given, cookies, remote);
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
