package org.thywill.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.thywill.api.ThywillException;

/**
 * The keys of {@link JwtSettings} as one JSON Web Key Set, and the signature algorithms they allow: a token is
 * checked only with an algorithm of its key's family, so an RSA public key can never be taken for an HMAC secret.
 */
final class JwtKeys {

    private final JWKSet keys;
    private final Set<JWSAlgorithm> algorithms;

    private JwtKeys(JWKSet keys, Set<JWSAlgorithm> algorithms) {
        this.keys = keys;
        this.algorithms = algorithms;
    }

    /**
     * @param settings the section
     * @param jwksFile the JWKS file's resolved path, or null when there is none
     * @return the keys
     * @throws ThywillException saying which setting holds a key that cannot be read
     */
    static JwtKeys of(JwtSettings settings, Path jwksFile) {
        List<JWK> all = new ArrayList<>();
        if (!settings.secret().isEmpty()) {
            all.add(new OctetSequenceKey.Builder(settings.secret().getBytes(StandardCharsets.UTF_8)).build());
        }
        if (!settings.publicKey().isEmpty()) {
            all.add(fromPem(settings.publicKey()));
        }
        if (jwksFile != null) {
            try {
                JWKSet file = JWKSet.load(jwksFile.toFile());
                if (file.getKeys().isEmpty()) {
                    throw new ThywillException("Setting 'authentication.jwksFile': " + jwksFile
                            + " holds no key. Put the host application's public keys in it.");
                }
                for (JWK key : file.getKeys()) {
                    all.add(key.toPublicJWK() == null ? key : key.toPublicJWK());
                }
            } catch (IOException | ParseException e) {
                throw new ThywillException("Setting 'authentication.jwksFile': cannot read " + jwksFile
                        + " as a JSON Web Key Set (" + e.getMessage() + "). Give a file of the form"
                        + " {\"keys\": [...]}.", e);
            }
        }
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        for (JWK key : all) {
            if (key instanceof OctetSequenceKey) {
                algorithms.addAll(JWSAlgorithm.Family.HMAC_SHA);
            } else if (key instanceof RSAKey) {
                algorithms.addAll(JWSAlgorithm.Family.RSA);
            } else if (key instanceof ECKey) {
                algorithms.addAll(JWSAlgorithm.Family.EC);
            }
        }
        return new JwtKeys(new JWKSet(all), Set.copyOf(algorithms));
    }

    private static JWK fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw unreadable("its base64 is broken: " + e.getMessage(), e);
        }
        PublicKey key = null;
        for (String type : List.of("RSA", "EC")) {
            try {
                key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                break;
            } catch (GeneralSecurityException e) {
                // Not of this type: try the next.
            }
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw unreadable("it is neither an RSA nor an EC public key", null);
    }

    private static ThywillException unreadable(String why, Exception cause) {
        return new ThywillException("Setting 'authentication.publicKey' cannot be read: " + why + ". Give the"
                + " host application's public key in PEM, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC"
                + " KEY-----.", cause);
    }

    /** @return every key */
    JWKSet keys() {
        return keys;
    }

    /** @return the algorithms the keys allow */
    Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }
}
