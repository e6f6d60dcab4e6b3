package org.thywill.server.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** {@code thywill.app.call} in a real browser: a promise of the result, or an Error whose code says why not. */
class RpcBrowserTest {

    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("rpc-probe").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs a call in the page; returns its result, or {@code {code, message}} if it rejected. */
    private static Object call(Browser browser, String call) {
        return browser.executeScript("return " + call
                + ".catch(e => ({code: e.code, message: e.message, isError: e instanceof Error}));");
    }

    @Test
    void theCallsPromiseGivesTheResultOrAnErrorWithItsCode() {
        try (Browser browser = Browser.open()) {
            browser.load(server.page("rpc-probe")).waitUntilConnected();
            assertEquals(5L, call(browser, "thywill.app.call('add', [2, 3])"));
            assertEquals(Map.of("a", List.of(1L, "b")), call(browser, "thywill.app.call('echo', [{a: [1, 'b']}])"));
            assertEquals(browser.executeScript("return thywill.connectionId"),
                    call(browser, "thywill.app.call('whoAmI')"));
            assertEquals(null, call(browser, "thywill.app.call('nothing')"));

            for (Map.Entry<String, String> expected : Map.of(
                    "thywill.app.call('nosuch')", "not-found",
                    "thywill.app.call('forbidden')", "not-permitted",
                    "thywill.app.call('add', [1])", "invalid-arguments",
                    "thywill.app.call('add', 1)", "invalid-arguments",
                    "thywill.app.call('fail')", "failed",
                    "thywill.app.call('never', [], {timeout: 300})", "timed-out").entrySet()) {
                Map<?, ?> error = (Map<?, ?>) call(browser, expected.getKey());
                assertEquals(expected.getValue(), error.get("code"), expected.getKey() + " gave " + error);
                assertEquals(Boolean.TRUE, error.get("isError"), "an Error, with a stack for the console");
                assertTrue(!String.valueOf(error.get("message")).contains(RpcProbeApplication.SECRET), error.toString());
            }
        }
    }

    @Test
    void aCallWaitingWhenTheConnectionEndsIsRejectedAsDisconnected() {
        try (Browser browser = Browser.open()) {
            browser.load(server.page("rpc-probe")).waitUntilConnected();
            Object code = browser.executeScript("const pending = thywill.app.call('never', [], {timeout: 20000});"
                    + "setTimeout(() => thywill.disconnect(), 100);"
                    + "const started = Date.now();"
                    + "return pending.catch(e => e.code + ' after ' + (Date.now() - started < 5000 ? 'a moment'"
                    + " : 'too long'));");
            assertEquals("disconnected after a moment", code);
            Object refused = call(browser, "thywill.app.call('add', [1, 2])");
            assertTrue(refused instanceof Map<?, ?> error && "disconnected".equals(error.get("code")),
                    "a call while disconnected is refused at once: " + refused);
        }
    }
}
