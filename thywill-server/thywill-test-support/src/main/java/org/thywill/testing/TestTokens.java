package org.thywill.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Signs users' tokens for a server whose authentication is {@code jwt} with {@link #SECRET}, as a host
 * application's login would (documentation/authentication.md); pass them to {@link TestClient#connectAs}.
 */
public final class TestTokens {

    /** A secret long enough for HS256: set it as {@code authentication.secret} with {@link #jwt}. */
    public static final String SECRET = "a-test-support-secret-long-enough-for-hs256";

    private TestTokens() {
    }

    /**
     * @param builder a server's settings
     * @return the same, with the authentication {@code jwt} checking tokens signed with {@link #SECRET}
     */
    public static ThywillTestServer.Builder jwt(ThywillTestServer.Builder builder) {
        return builder.set("authentication", "implementation", "jwt").set("authentication", "secret", SECRET);
    }

    /**
     * @param user the user's id, the token's {@code sub}
     * @return a token naming the user, signed with {@link #SECRET}, valid for ten minutes
     */
    public static String of(String user) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
