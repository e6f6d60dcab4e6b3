package org.thywill.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Credentials;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

class DemoLoginTest {

    private static final String SECRET = "a-demo-secret-that-is-long-enough-for-hs256";

    private static JwtSettings settings(boolean demoLogin) {
        return new JwtSettings(SECRET, null, null, "https://demo.example", "thywill", null, null, null, true,
                demoLogin);
    }

    private static HttpResponse ask(DemoLogin login, String path, Map<String, String> query) {
        return login.handle(new HttpRequest("GET", path, query, Map.of(), new byte[0], "127.0.0.1",
                Optional.empty()));
    }

    @Test
    void aDemoTokenSignsInWhoeverWasNamedWithTheSettingsSecret() {
        JwtSettings settings = settings(true);
        HttpResponse answer = ask(new DemoLogin(settings), "/thywill/demo-login/token", Map.of("name", "Bob"));
        assertEquals(200, answer.status());

        Authentication checked = new JwtAuthenticator(settings, JwtKeys.of(settings, null)).authenticate(
                new Credentials("chat", Optional.of(new String(answer.body(), StandardCharsets.UTF_8)), Map.of(),
                        "127.0.0.1")).toCompletableFuture().join();

        Authentication.Accepted accepted = assertInstanceOf(Authentication.Accepted.class, checked);
        assertEquals("bob", accepted.user().orElseThrow().id());
        assertEquals(Optional.of("Bob"), accepted.user().orElseThrow().claim("name"));
        assertTrue(accepted.expires().isPresent());
    }

    @Test
    void aNameThatIsNoNameIsRefusedSayingWhatANameIs() {
        DemoLogin login = new DemoLogin(settings(true));
        for (String name : List.of("", " ", "<script>", "a".repeat(33))) {
            HttpResponse answer = ask(login, "/thywill/demo-login/token", Map.of("name", name));
            assertEquals(400, answer.status(), name);
        }
        assertEquals(404, ask(login, "/thywill/demo-login/other", Map.of("name", "Bob")).status());
    }

    @Test
    void onlyTheSettingTurnsItOnAndItNeedsTheSecret() {
        JwtSettings off = settings(false);
        assertEquals(List.of(AuthScript.PREFIX), new JwtAuthenticator(off, JwtKeys.of(off, null)).endpoints()
                .stream().map(e -> e.pathPrefix()).toList());
        JwtSettings on = settings(true);
        assertEquals(List.of(AuthScript.PREFIX, DemoLogin.PREFIX), new JwtAuthenticator(on, JwtKeys.of(on, null))
                .endpoints().stream().map(e -> e.pathPrefix()).toList());
        SettingsException noSecret = assertThrows(SettingsException.class, () -> new JwtSettings(null,
                "-----BEGIN PUBLIC KEY-----", null, null, null, null, null, null, false, true));
        assertTrue(noSecret.getMessage().contains("demoLogin"), noSecret.getMessage());
    }
}
