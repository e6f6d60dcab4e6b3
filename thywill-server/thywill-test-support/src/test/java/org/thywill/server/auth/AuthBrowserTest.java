package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * A page in Chromium that connects with its user's token through {@code thywill.auth}: it sees its user, shows a
 * refused token's error, refreshes a short-lived token over the live connection, and shows why it was closed when
 * its token expired unrefreshed, or its user was logged out everywhere (and stays disconnected).
 */
class AuthBrowserTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = Tokens.jwtServer().set("authentication", "refreshBefore", "2s").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI page(String query) {
        return URI.create(server.page(WhoAmIApplication.ID) + "?" + query);
    }

    private static String token(String token) {
        return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    @Test
    void aPageWithAGoodTokenConnectsAsItsUser() {
        try (Browser browser = Browser.open()) {
            browser.load(page(token(Tokens.hmac("alice", Duration.ofMinutes(5)))));
            browser.waitFor(d -> text(browser, "user").equals("alice (Name of alice)"));
            assertEquals("alice", browser.executeScript("return thywill.user.id"));
            assertEquals("", text(browser, "auth-error"));
        }
    }

    @Test
    void aPageWhoseUserIsLoggedOutEverywhereShowsWhyAndStaysDisconnected() throws InterruptedException {
        String alice = "alice-" + UUID.randomUUID();
        try (Browser browser = Browser.open();
             TestClient bob = TestClient.connectAs(server, WhoAmIApplication.ID,
                     TestClient.Transport.WEBSOCKET,
                     Tokens.hmac("bob", Duration.ofMinutes(5)))) {
            browser.load(page(token(Tokens.hmac(alice, Duration.ofMinutes(5)))));
            browser.waitFor(d -> text(browser, "user").startsWith(alice));
            UserSendTest.answer(bob, Map.of("logout", alice, "message", "Your password changed"), "ended");
            browser.waitFor(d -> text(browser, "auth-error").equals("signed-out: Your password changed"));
            browser.waitFor(d -> "disconnected".equals(browser.executeScript("return thywill.state")));
            Thread.sleep(2000);
            assertEquals("disconnected", browser.executeScript("return thywill.state"), "it does not reconnect");
            assertEquals(null, browser.executeScript("return thywill.user"));
        }
    }

    @Test
    void aPageWithAForgedTokenShowsTheRefusalAndDoesNotConnect() {
        String forged = Tokens.forged(Tokens.hmac("alice", Duration.ofMinutes(5)), p -> p.replace("alice", "admin"));
        try (Browser browser = Browser.open()) {
            browser.load(page(token(forged)));
            browser.waitFor(d -> text(browser, "auth-error").startsWith("invalid-token: The token was refused"));
            assertEquals("disconnected", browser.executeScript("return thywill.state"));
            assertEquals("(not yet)", text(browser, "user"));
        }
    }

    @Test
    void aPageRefreshesItsShortLivedTokenAndStaysConnected() throws InterruptedException {
        try (Browser browser = Browser.open()) {
            browser.load(page("fresh=carol&seconds=4"));
            browser.waitFor(d -> text(browser, "user").equals("carol (Name of carol)"));

            Thread.sleep(7000);

            assertEquals("", text(browser, "auth-error"));
            assertEquals("connected", browser.executeScript("return thywill.state"));
            long fetched = ((Number) browser.executeScript("return window.tokensFetched")).longValue();
            assertTrue(fetched >= 3, "a 4 s token refreshed 2 s before it ends is fetched every 2 s; fetched "
                    + fetched);
            assertEquals("carol", browser.executeScript("return thywill.user.id"));
        }
    }

    @Test
    void aPageWhoseTokenHadExpiredAsksForANewOneAndConnects() {
        try (Browser browser = Browser.open()) {
            browser.load(page("fresh=frank&staleFirst"));
            browser.waitFor(d -> text(browser, "user").equals("frank (Name of frank)"));
            assertEquals(2L, browser.executeScript("return window.tokensFetched"));
            assertEquals("", text(browser, "auth-error"), "a renewed token is no error to show");
        }
    }

    @Test
    void aPageWhoseTokenExpiresUnrefreshedShowsWhy() {
        try (Browser browser = Browser.open()) {
            browser.load(page(token(Tokens.hmac("dave", Duration.ofSeconds(3)))));
            browser.waitFor(d -> text(browser, "user").equals("dave (Name of dave)"));

            browser.waitFor(d -> text(browser, "auth-error").startsWith("token-expired: "));
            browser.waitFor(d -> "disconnected".equals(browser.executeScript("return thywill.state")));
        }
    }
}
