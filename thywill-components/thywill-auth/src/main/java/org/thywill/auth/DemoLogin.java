package org.thywill.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * A demonstration's login: signs, with the {@code jwt} authentication's own secret, a token for whatever name a
 * page asks ({@code GET /thywill/demo-login/token?name=Bob}), so that the demos can show users without a host
 * application. Anyone can be anyone: it runs only when {@code demoLogin} is on (documentation/authentication.md).
 */
final class DemoLogin implements HttpEndpoint {

    /** Where it is served. */
    static final String PREFIX = "/thywill/demo-login/";
    /** How long a demo token lives; the page asks for a new one before then. */
    static final Duration LIFE = Duration.ofMinutes(10);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,31}");

    private final JwtSettings settings;
    private final MACSigner signer;

    DemoLogin(JwtSettings settings) {
        this.settings = settings;
        try {
            this.signer = new MACSigner(settings.secret().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("The secret cannot sign HS256 tokens", e);
        }
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    /** Only the server's own pages may sign in through it, as they may open a connection. */
    @Override
    public boolean ownOriginOnly() {
        return true;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.path().equals(PREFIX + "token")) {
            return HttpResponse.text(404, "Not found: " + request.path() + ". Ask " + PREFIX + "token?name=...");
        }
        if (!"GET".equals(request.method())) {
            return HttpResponse.text(405, "Use GET");
        }
        String name = request.query().getOrDefault("name", "").strip();
        if (!NAME.matcher(name).matches()) {
            return HttpResponse.text(400, "A name is 1 to 32 letters, digits, spaces, '.', '_' or '-', starting"
                    + " with a letter or digit.");
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(name.toLowerCase(Locale.ROOT))
                .claim("name", name)
                .claim("demo", true)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFE)));
        if (!settings.issuer().isEmpty()) {
            claims.issuer(settings.issuer());
        }
        if (!settings.audience().isEmpty()) {
            claims.audience(settings.audience());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a demo token", e);
        }
        return HttpResponse.text(200, jwt.serialize());
    }
}
