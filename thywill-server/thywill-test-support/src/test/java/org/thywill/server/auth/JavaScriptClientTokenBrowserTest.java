package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.server.transports.JavaScriptClientPage;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * {@code thywill-ws.js} with the authentication {@code jwt}: a token function signs in again when the sign-in
 * expires, resuming the session; a token the server refuses ends the client with the server's reason.
 */
class JavaScriptClientTokenBrowserTest {

    private static ThywillTestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer().withPlainWebSocket().start();
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }

    @Test
    void aTokenFunctionSignsInAgainWhenTheSignInExpires() {
        JavaScriptClientPage page = JavaScriptClientPage.open(browser, server);
        Object result = page.run("""
                const tokens = [arguments[1], arguments[2]];
                const client = thywillWs.connect(arguments[0], {application: 'whoami', token: () => tokens.shift()});
                const closes = [];
                client.onClose(reason => closes.push(reason));
                const first = await client.ready();
                await until(() => closes.length === 1 && client.state === 'connected');
                const outcome = {user: first.user, expires: typeof first.expires,
                    close: [closes[0].code, closes[0].status, closes[0].reconnecting],
                    sameSession: client.session === first.session, tokensLeft: tokens.length};
                client.close();
                return outcome;
                """, server.plainWebSocketUri().toString(), Tokens.hmac("alice", Duration.ofSeconds(2)),
                Tokens.hmac("alice", Duration.ofMinutes(5)));
        assertEquals(Map.of("user", "alice", "expires", "number", "close", List.of("token-expired", 4401L, true),
                "sameSession", true, "tokensLeft", 0L), result);
    }

    @Test
    void aRefusedTokenEndsTheClientWithTheServersReason() {
        JavaScriptClientPage page = JavaScriptClientPage.open(browser, server);
        Object result = page.run("""
                const client = thywillWs.connect(arguments[0], {application: 'whoami', token: 'not a token'});
                const closes = [];
                client.onClose(reason => closes.push(reason));
                const refused = await client.ready().then(() => 'welcomed', e => e.code);
                await until(() => closes.length > 0);
                return {refused, reconnecting: closes[0].reconnecting, state: client.state};
                """, server.plainWebSocketUri().toString());
        assertEquals(Map.of("refused", "invalid-token", "reconnecting", false, "state", "closed"), result);
    }
}
