package org.thywill.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.thywill.testing.ThywillTestServer;

/** Signs tokens as a host application's login would, with Nimbus JOSE+JWT. */
final class Tokens {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    static final String ISSUER = "https://login.example.test";
    static final String AUDIENCE = "thywill";

    private Tokens() {
    }

    /** @return a server running {@link WhoAmIApplication} with the authentication {@code jwt} and {@link #SECRET} */
    static ThywillTestServer.Builder jwtServer() {
        return jwtServer(WhoAmIApplication.ID);
    }

    /** @return a server running these applications with the authentication {@code jwt} and {@link #SECRET} */
    static ThywillTestServer.Builder jwtServer(String... applicationIds) {
        return ThywillTestServer.withApplications(applicationIds)
                .set("authentication", "implementation", "jwt")
                .set("authentication", "secret", SECRET)
                .set("authentication", "clockSkew", "0s");
    }

    /** @return claims of a good token for {@code user}, expiring after {@code life} */
    static JWTClaimsSet.Builder claims(String user, Duration life) {
        return new JWTClaimsSet.Builder().subject(user).issuer(ISSUER).audience(AUDIENCE)
                .claim("name", "Name of " + user).expirationTime(Date.from(Instant.now().plus(life)));
    }

    static String hmac(String user, Duration life) {
        return hmac(claims(user, life).build(), SECRET);
    }

    static String hmac(JWTClaimsSet claims, String secret) {
        return sign(new JWSHeader(JWSAlgorithm.HS256), claims, signer(() -> new MACSigner(
                secret.getBytes(StandardCharsets.UTF_8))));
    }

    static String rsa(KeyPair keys, JWTClaimsSet claims) {
        return sign(new JWSHeader(JWSAlgorithm.RS256), claims,
                signer(() -> new RSASSASigner((RSAPrivateKey) keys.getPrivate())));
    }

    static String ec(KeyPair keys, String keyId, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims,
                signer(() -> new ECDSASigner((ECPrivateKey) keys.getPrivate())));
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the public key in PEM, as the settings take it */
    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** @return the token with its payload replaced by {@code change} of it, the signature kept: a forgery */
    static String forged(String token, UnaryOperator<String> change) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                change.apply(payload).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private interface SignerMaker {
        JWSSigner make() throws JOSEException;
    }

    private static JWSSigner signer(SignerMaker maker) {
        try {
            return maker.make();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
