package org.thywill.auth;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Credentials;
import org.thywill.api.auth.User;

/**
 * The authentication {@code jwt}: a page's token is a JSON Web Token signed by the host application; Nimbus
 * JOSE+JWT checks its signature against the configured keys and its {@code exp}, {@code nbf}, {@code iss} and
 * {@code aud} claims; the user is the {@code userClaim} claim, with every claim beside it.
 */
final class JwtAuthenticator extends BrowserAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    private final JwtSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    JwtAuthenticator(JwtSettings settings, JwtKeys keys) {
        super(new AuthScript(JwtAuthenticatorProvider.NAME, settings.refreshBefore(), settings.demoLogin()),
                settings.demoLogin() ? List.of(new DemoLogin(settings)) : List.of());
        this.settings = settings;
        if (settings.demoLogin()) {
            LOG.warn("authentication.demoLogin is on: anyone can sign in as anyone at {}token?name=...; for"
                    + " demonstrations only, never in production", DemoLogin.PREFIX);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithms(),
                new ImmutableJWKSet<>(keys.keys())));
        Set<String> required = new HashSet<>(Set.of("exp", settings.userClaim()));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (!settings.issuer().isEmpty()) {
            exact.issuer(settings.issuer());
        }
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                settings.audience().isEmpty() ? null : settings.audience(), exact.build(), required);
        verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    @Override
    public CompletionStage<Authentication> authenticate(Credentials credentials) {
        return CompletableFuture.completedFuture(check(credentials));
    }

    private Authentication check(Credentials credentials) {
        if (credentials.token().isEmpty()) {
            return settings.allowAnonymous() ? Authentication.anonymous() : Authentication.refused(
                    Authentication.MISSING, "This server needs a token to connect: sign in, and give the page its"
                            + " token with thywill.auth(...)");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(credentials.token().get(), null);
        } catch (BadJWTException e) {
            boolean expired = e.getMessage() != null && e.getMessage().startsWith("Expired JWT");
            return Authentication.refused(expired ? Authentication.EXPIRED : Authentication.INVALID,
                    (expired ? "The token has expired" : "The token was refused: " + e.getMessage())
                            + "; sign in again");
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException | ParseException e) {
            return Authentication.refused(Authentication.INVALID, "The token was refused: " + e.getMessage()
                    + "; sign in again");
        }
        Object id = claims.getClaim(settings.userClaim());
        if (!(id instanceof String user) || user.isBlank()) {
            return Authentication.refused(Authentication.INVALID, "The token's '" + settings.userClaim()
                    + "' claim does not name a user; the host application must sign it in");
        }
        return Authentication.user(new User(user, claims.toJSONObject()), claims.getExpirationTime().toInstant());
    }
}
