package org.thywill.apps.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestRpc;
import org.thywill.testing.TestTokens;
import org.thywill.testing.ThywillTestServer;

/** The admin console at /thywill/admin/: off by default, behind its token, and live in a real browser. */
class AdminConsoleTest {

    private static final String TOKEN = "correct-horse-battery-staple";

    private static ThywillTestServer enabled() {
        return ThywillTestServer.withApplications("probe").set("server", "admin", true)
                .set("server", "adminToken", TOKEN).start();
    }

    @Test
    void theConsoleHasAStrictContentSecurityPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        try (ThywillTestServer server = enabled()) {
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.uri().resolve("/thywill/admin/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            String policy = page.headers().firstValue("content-security-policy").orElseThrow();
            for (String directive : new String[] {"default-src 'self'", "object-src 'none'", "base-uri 'none'",
                    "frame-ancestors 'none'", "script-src 'self' 'sha256-"}) {
                assertTrue(policy.contains(directive), policy);
            }
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            assertEquals("DENY", page.headers().firstValue("x-frame-options").orElse(null));
        }
    }

    @Test
    void anOperatorSeesATestClientAndDisconnectsItFromThePage() throws Exception {
        try (ThywillTestServer server = enabled(); Browser browser = Browser.open()) {
            browser.load(server.uri().resolve("/thywill/admin/")).waitUntilConnected();
            browser.find("#name").sendKeys("ada");
            browser.find("#token").sendKeys("not the token");
            browser.find("#login-button").click();
            browser.waitFor(d -> d.findElement(By.id("login-error")).getText().equals("Wrong token."));
            assertTrue(browser.find("#console").getDomAttribute("hidden") != null, "nothing shown after a wrong token");

            browser.find("#token").clear();
            browser.find("#token").sendKeys(TOKEN);
            browser.find("#login-button").click();
            browser.waitFor(d -> d.findElement(By.id("console")).isDisplayed());

            try (TestClient client = TestClient.connect(server, "probe", TestClient.Transport.WEBSOCKET)) {
                String firstId = client.connectionId();
                String row = "#connections tr[data-application=probe]";
                browser.waitFor(d -> !d.findElements(By.cssSelector(row)).isEmpty());
                browser.waitFor(d -> d.findElement(By.id("channels")).getText().contains("lobby"));
                browser.waitFor(d -> d.findElement(By.id("applications")).getText().contains("probe"));
                String page = browser.find("#connections").getText();
                assertFalse(page.contains(client.sessionCookie().getValue()), "the page never shows a session id");
                assertFalse(page.contains(firstId), "nor a connection id");
                browser.screenshot(Path.of("target", "screenshots", "admin-console.png"));

                browser.find(row + " button.danger").click();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (client.isConnected() && firstId.equals(client.connectionId())
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(!client.isConnected() || !firstId.equals(client.connectionId()),
                        "the client's connection was ended by the server");
                browser.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("Disconnect"));
            }
        }
    }

    @Test
    void undeployAndRedeployTellThePagesAndTheApplicationRunsAgain() {
        try (ThywillTestServer server = enabled();
             TestClient admin = TestClient.connect(server, "admin", TestClient.Transport.WEBSOCKET);
             TestClient page = TestClient.connect(server, "probe", TestClient.Transport.WEBSOCKET)) {
            assertEquals(true, result(call(admin, "login", "ada", TOKEN)).get("ok"));
            assertEquals(true, running(admin, "probe"));

            assertEquals(true, call(admin, "undeploy", "probe").get("result"));
            TestClient.Delivery told = page.next();
            assertEquals("undeployed", told.type(), told::toString);
            assertEquals("removed", told.envelope().get("reason"));
            assertEquals(false, running(admin, "probe"), "listed, not running");
            assertEquals("failed", errorCode(call(admin, "undeploy", "admin")), "the console keeps itself");
            assertEquals(true, running(admin, "admin"));

            assertEquals(true, call(admin, "redeploy", "probe").get("result"));
            assertEquals(true, running(admin, "probe"));
            try (TestClient again = TestClient.connect(server, "probe", TestClient.Transport.WEBSOCKET)) {
                assertTrue(again.isConnected(), "a page of the redeployed application connects");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorSeesASignedInUsersDevicesAndLogsThemOutEverywhere() {
        String alice = "alice-" + java.util.UUID.randomUUID();
        try (ThywillTestServer server = TestTokens.jwt(ThywillTestServer.withApplications("probe")
                .set("server", "admin", true).set("server", "adminToken", TOKEN)).start();
             TestClient admin = TestClient.connectAs(server, "admin", TestClient.Transport.WEBSOCKET,
                     TestTokens.of("ada"));
             TestClient laptop = TestClient.connectAs(server, "probe", TestClient.Transport.WEBSOCKET,
                     TestTokens.of(alice));
             TestClient phone = TestClient.connectAs(server, "probe", TestClient.Transport.LONG_POLLING,
                     TestTokens.of(alice))) {
            assertEquals(true, result(call(admin, "login", "ada", TOKEN)).get("ok"));
            Map<String, Object> users = (Map<String, Object>) result(call(admin, "snapshot")).get("users");
            Map<String, Object> row = ((List<Map<String, Object>>) users.get("rows")).stream()
                    .filter(r -> alice.equals(r.get("user"))).findFirst().orElseThrow(() -> new AssertionError(
                            "alice is not listed: " + users));
            assertEquals(2, ((List<?>) row.get("sessions")).size(), "two devices");
            assertEquals(2, ((Number) row.get("connections")).intValue());

            assertEquals(2, ((Number) call(admin, "disconnectUser", alice).get("result")).intValue());
            for (TestClient device : new TestClient[] {laptop, phone}) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (device.isConnected() && System.nanoTime() < deadline) {
                    device.next(Duration.ofMillis(50));
                }
                assertFalse(device.isConnected(), "each device of the user was closed");
            }
            assertTrue(admin.isConnected(), "the operator's own connection stays");
        }
    }

    @SuppressWarnings("unchecked")
    private static Object running(TestClient admin, String applicationId) {
        java.util.List<Map<String, Object>> applications =
                (java.util.List<Map<String, Object>>) result(call(admin, "snapshot")).get("applications");
        return applications.stream().filter(a -> applicationId.equals(a.get("id"))).findFirst()
                .map(a -> a.get("running")).orElse("not listed");
    }

    @Test
    void callsBeforeLoginAreNotPermittedAndAWrongTokenIsRefused() {
        try (ThywillTestServer server = enabled();
             TestClient client = TestClient.connect(server, "admin", TestClient.Transport.LONG_POLLING)) {
            for (String function : new String[] {"snapshot", "disconnect", "undeploy", "sendToChannel"}) {
                assertEquals("not-permitted", errorCode(call(client, function, "x")), function);
            }
            Map<String, Object> refused = result(call(client, "login", "mallory", "guess"));
            assertEquals(false, refused.get("ok"));
            assertEquals("not-permitted", errorCode(call(client, "snapshot")), "still not permitted");

            Map<String, Object> accepted = result(call(client, "login", "ada", TOKEN));
            assertEquals(true, accepted.get("ok"), () -> "logged in: " + accepted);
            Map<String, Object> snapshot = result(call(client, "snapshot"));
            assertTrue(snapshot.containsKey("applications"), () -> "a snapshot: " + snapshot);
        }
    }

    @Test
    void wrongTokensLockOutThatNameButNotAnotherFromTheSameAddress() {
        try (ThywillTestServer server = enabled();
             TestClient client = TestClient.connect(server, "admin", TestClient.Transport.LONG_POLLING)) {
            for (int i = 0; i < LoginGuard.FREE_FAILURES; i++) {
                assertEquals("Wrong token.", result(call(client, "login", "mallory", "guess" + i)).get("reason"));
            }
            Map<String, Object> locked = result(call(client, "login", "mallory", TOKEN));
            assertEquals(false, locked.get("ok"), "even the right token waits after five wrong ones");
            assertEquals("Too many wrong tokens for this name from your address: try again in 60 s.",
                    locked.get("reason"));
            Map<String, Object> other = result(call(client, "login", "ada", TOKEN));
            assertEquals(true, other.get("ok"), () -> "another operator at the same address logs in: " + other);
        }
    }

    @Test
    void refusedLoginsOfOneConnectionAreLoggedTenTimesThenCounted() throws InterruptedException {
        Logger logger = (Logger) LoggerFactory.getLogger(AdminApplication.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        try (ThywillTestServer server = enabled()) {
            logger.addAppender(captured);
            TestClient client = TestClient.connect(server, "admin", TestClient.Transport.LONG_POLLING);
            for (int i = 0; i < 30; i++) {
                call(client, "login", "m" + i + "\n12:00:00.000 INFO  [main] o.t.a.admin.AdminApplication - Admin 'ada'"
                        + " logged in", "guess");
            }
            client.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (captured.list.stream().noneMatch(e -> e.getFormattedMessage().contains("more refused"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            logger.detachAppender(captured);
        }
        List<String> refusals = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Admin login")).toList();
        assertEquals(AdminApplication.MAX_REFUSALS_LOGGED + 2, refusals.size(), String.join("\n", refusals));
        assertTrue(refusals.get(AdminApplication.MAX_REFUSALS_LOGGED).contains("the rest are counted"),
                refusals::toString);
        assertTrue(refusals.get(refusals.size() - 1).contains("20 more refused logins"), refusals::toString);
    }

    @Test
    void theConsoleIsNotServedWhenOff() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").start()) {
            assertEquals(404, status(server.uri().resolve("/thywill/admin/")));
            assertEquals(404, status(server.uri().resolve("/thywill/init/admin/")));
            assertEquals(200, status(server.uri().resolve("/thywill/init/probe/")));
        }
        try (ThywillTestServer server = enabled()) {
            assertEquals(200, status(server.uri().resolve("/thywill/admin/")));
            assertEquals(200, status(server.uri().resolve("/thywill/init/")), "the default page");
            assertTrue(server.thywill().component(org.thywill.api.application.ApplicationInterface.class)
                    .applications().get(0).id().equals("probe"), "the console is never the default application");
        }
    }

    @Test
    void enablingItWithoutATokenStopsStartUpNamingTheKey() {
        ThywillException e = assertThrows(ThywillException.class, () -> ThywillTestServer.withApplications("probe")
                .set("server", "admin", true).start().close());
        assertTrue(e.getMessage().contains("server.adminToken"), e.getMessage());
    }

    private static int status(URI uri) throws Exception {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private static Map<String, Object> call(TestClient client, String name, Object... args) {
        return TestRpc.call(client, "admin", name, args);
    }

    private static Map<String, Object> result(Map<String, Object> answer) {
        return TestRpc.result(answer);
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(Map<String, Object> answer) {
        assertEquals("rpc-error", answer.get("type"), () -> "an error: " + answer);
        return String.valueOf(((Map<String, Object>) answer.get("error")).get("code"));
    }
}
