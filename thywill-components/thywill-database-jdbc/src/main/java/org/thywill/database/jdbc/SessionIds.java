package org.thywill.database.jdbc;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes session ids and recognises their shape, so a forged or oversized cookie never reaches a query. */
final class SessionIds {

    /** 256 random bits: unguessable. */
    static final int RANDOM_BYTES = 32;

    /** Base64url without padding of {@link #RANDOM_BYTES} bytes. */
    static final int LENGTH = 43;

    private final SecureRandom random;
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    /** @param random the source of ids; {@link SecureRandom} is thread-safe */
    SessionIds(SecureRandom random) {
        this.random = random;
    }

    /** @return a new id */
    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }

    /**
     * @param candidate what a client presented
     * @return whether it has the shape of an id {@link #next()} makes
     */
    static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }
}
