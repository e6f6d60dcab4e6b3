package org.thywill.auth;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * The {@code authentication} section for implementation {@code jwt}: pages present a signed JSON Web Token, checked
 * against the keys given here. At least one of {@code secret}, {@code publicKey} and {@code jwksFile} is needed.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code secret}</td><td>none</td><td>The HMAC secret the host application signs tokens with (HS256,
 *   HS384, HS512), at least 32 bytes of UTF-8; better given in the environment
 *   ({@code THYWILL_AUTHENTICATION_SECRET}).</td></tr>
 *   <tr><td>{@code publicKey}</td><td>none</td><td>An RSA or EC public key in PEM ({@code -----BEGIN PUBLIC
 *   KEY-----}), for tokens signed with RS*, PS* or ES* by the matching private key.</td></tr>
 *   <tr><td>{@code jwksFile}</td><td>none</td><td>A JSON Web Key Set file of public keys (relative to Thywill's
 *   home), read at start-up; a token's {@code kid} picks its key.</td></tr>
 *   <tr><td>{@code issuer}</td><td>none</td><td>When set, a token's {@code iss} must be exactly this.</td></tr>
 *   <tr><td>{@code audience}</td><td>none</td><td>When set, a token's {@code aud} must contain this.</td></tr>
 *   <tr><td>{@code userClaim}</td><td>{@code sub}</td><td>The claim holding the user's id.</td></tr>
 *   <tr><td>{@code clockSkew}</td><td>{@code 30s}</td><td>How far the host application's clock may be from
 *   Thywill's: a token counts as expired only this long after its {@code exp}.</td></tr>
 *   <tr><td>{@code refreshBefore}</td><td>{@code 60s}</td><td>How long before a token expires the page asks for
 *   a new one (at the latest halfway through a shorter token's life).</td></tr>
 *   <tr><td>{@code allowAnonymous}</td><td>{@code false}</td><td>Lets a page without a token connect, without a
 *   user; a page with a bad token is still refused.</td></tr>
 *   <tr><td>{@code demoLogin}</td><td>{@code false}</td><td>For demonstrations only: serves
 *   {@code /thywill/demo-login/token?name=...}, which signs a token for any name with {@code secret}, so anyone
 *   can sign in as anyone.</td></tr>
 * </table>
 *
 * @param secret the HMAC secret, empty for none
 * @param publicKey a PEM public key, empty for none
 * @param jwksFile a JWKS file's path, empty for none
 * @param issuer the required issuer, empty for any
 * @param audience the required audience, empty for any
 * @param userClaim the claim naming the user
 * @param clockSkew the clock difference tolerated
 * @param refreshBefore how early the page refreshes its token
 * @param allowAnonymous whether a page without a token may connect
 * @param demoLogin whether the demonstration's login signs tokens for any name
 */
public record JwtSettings(String secret, String publicKey, String jwksFile, String issuer, String audience,
                          String userClaim, Duration clockSkew, Duration refreshBefore, Boolean allowAnonymous,
                          Boolean demoLogin) {

    /** HS256 needs a key as long as its hash: 256 bits. */
    static final int SHORTEST_SECRET_BYTES = 32;

    /** Applies defaults and validates. */
    public JwtSettings {
        secret = secret == null ? "" : secret;
        publicKey = publicKey == null ? "" : publicKey.trim();
        jwksFile = jwksFile == null ? "" : jwksFile.trim();
        issuer = issuer == null ? "" : issuer;
        audience = audience == null ? "" : audience;
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        refreshBefore = refreshBefore == null ? Duration.ofSeconds(60) : refreshBefore;
        allowAnonymous = allowAnonymous != null && allowAnonymous;
        demoLogin = demoLogin != null && demoLogin;
        SettingsException.require(!demoLogin || !secret.isEmpty(), "demoLogin",
                "needs a 'secret' to sign the demonstration's tokens with");
        SettingsException.require(!secret.isEmpty() || !publicKey.isEmpty() || !jwksFile.isEmpty(), "secret",
                "is needed, or 'publicKey' or 'jwksFile': the jwt authentication must have a key to check tokens"
                        + " with");
        SettingsException.require(secret.isEmpty()
                        || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= SHORTEST_SECRET_BYTES,
                "secret", "must be at least " + SHORTEST_SECRET_BYTES + " bytes long (HS256 needs 256 bits); it is "
                        + secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        SettingsException.require(!clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(10)) <= 0,
                "clockSkew", "must be between 0s and 10m, not " + clockSkew.toMillis() + "ms");
        SettingsException.require(!refreshBefore.isNegative(), "refreshBefore",
                "must be at least 0s, not " + refreshBefore.toMillis() + "ms");
    }
}
