package org.thywill.push.redis;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Signs the tokens of a cluster's users, as a host application's login would (documentation/authentication.md). */
final class UserTokens {

    /** The secret of {@link TestCluster#jwt}. */
    static final String SECRET = "a-cluster-test-secret-long-enough-for-hs256";

    private UserTokens() {
    }

    /** @return a token naming {@code user}, valid for ten minutes */
    static String of(String user) {
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
