package org.thywill.http.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.User;

/** What a page is told about its connection's authentication, whatever the transport carrying it. */
public final class AuthMessages {

    /** How long a page waits before trying again when its sign-in could not be checked. */
    public static final long UNAVAILABLE_RETRY_MILLIS = 5000;

    private AuthMessages() {
    }

    /**
     * @param user the user of an accepted authentication, empty for an anonymous one
     * @param expires when its credentials expire, if they do
     * @return {@code {user, expires, expiresIn}}: what a page learns of an accepted authentication
     */
    public static Map<String, Object> accepted(Optional<User> user, Optional<Instant> expires) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("user", user.map(User::id).orElse(null));
        expires.ifPresent(at -> {
            auth.put("expires", at.toEpochMilli());
            // The page's clock may be off: it schedules its refresh from this rather than from the instant.
            auth.put("expiresIn", Math.max(0, at.toEpochMilli() - System.currentTimeMillis()));
        });
        return auth;
    }

    /** @return {@code {code, message}}: the error a refused page is sent */
    public static Map<String, Object> refused(Authentication.Refused refused) {
        return Map.of("code", refused.code(), "message", refused.message());
    }

    /**
     * @return whether a page refused so should try again by itself (the sign-in could not be checked); a bad or
     *         missing token stays bad, and the page must get a new one first
     */
    public static boolean retries(Authentication.Refused refused) {
        return Authentication.UNAVAILABLE.equals(refused.code());
    }

    /** @return what a page is sent just before its connection closes because its credentials expired */
    public static Map<String, Object> expired() {
        return Map.of("code", Authentication.EXPIRED,
                "message", "The sign-in of this page expired and was not renewed; sign in again to reconnect");
    }
}
