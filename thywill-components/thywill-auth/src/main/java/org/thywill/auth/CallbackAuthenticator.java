package org.thywill.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Credentials;
import org.thywill.api.auth.User;

/**
 * The authentication {@code callback}: POSTs a page's credentials (token and cookies) to the host application's
 * login and takes its answer, so the host keeps its own sessions and Thywill needs no key. The wire form is in
 * documentation/authentication.md.
 */
final class CallbackAuthenticator extends BrowserAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackAuthenticator.class);
    private static final int MAX_MESSAGE = 500;

    private final CallbackSettings settings;
    private final URI url;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    CallbackAuthenticator(CallbackSettings settings) {
        super(new AuthScript(CallbackAuthenticatorProvider.NAME, settings.refreshBefore()));
        this.settings = settings;
        this.url = URI.create(settings.url());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public CompletionStage<Authentication> authenticate(Credentials credentials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application", credentials.applicationId());
        credentials.token().ifPresent(token -> body.put("token", token));
        body.put("cookies", credentials.cookies());
        body.put("remoteAddress", credentials.remoteAddress());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(body)));
        if (!settings.secret().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.secret());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(this::answer)
                .exceptionally(this::unavailable);
    }

    private String encode(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Strings, a list of strings and a map of strings always encode.
            throw new IllegalStateException("Could not encode the login callback's request", e);
        }
    }

    private Authentication answer(HttpResponse<String> response) {
        int status = response.statusCode();
        Object parsed;
        try {
            parsed = response.body().isBlank() ? Map.of() : json.readValue(response.body(), Object.class);
        } catch (JsonProcessingException | RuntimeException e) {
            parsed = Map.of();
        }
        Map<?, ?> json = parsed instanceof Map<?, ?> m ? m : Map.of();
        if (status == 401 || status == 403 || (status == 200 && json.get("refused") != null)) {
            Object message = json.get("refused") instanceof String s ? s : json.get("message");
            return Authentication.refused(Authentication.REFUSED, message instanceof String s && !s.isBlank()
                    ? clip(s) : "The host application's login refused this page; sign in again");
        }
        if (status != 200) {
            LOG.warn("The login callback {} answered {}: pages cannot connect", url, status);
            return Authentication.refused(Authentication.UNAVAILABLE, "The login could not be checked (its"
                    + " callback answered " + status + "); try again later");
        }
        if (Boolean.TRUE.equals(json.get("anonymous"))) {
            return Authentication.anonymous();
        }
        if (!(json.get("user") instanceof String user) || user.isBlank()) {
            LOG.warn("The login callback {} answered 200 without a 'user': pages cannot connect", url);
            return Authentication.refused(Authentication.UNAVAILABLE, "The login could not be checked (its"
                    + " callback named no user); try again later");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        if (json.get("claims") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> claims.put(String.valueOf(k), v));
        }
        Instant expires = json.get("expires") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        return Authentication.user(new User(user, claims), expires);
    }

    private Authentication unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = cause instanceof HttpTimeoutException ? "did not answer within "
                + settings.timeout().toMillis() + " ms" : "could not be reached (" + cause + ")";
        LOG.warn("The login callback {} {}: pages cannot connect", url, why);
        return Authentication.refused(Authentication.UNAVAILABLE, "The login could not be checked (its callback "
                + why + "); try again later");
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }
}
