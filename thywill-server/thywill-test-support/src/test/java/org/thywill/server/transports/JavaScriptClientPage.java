package org.thywill.server.transports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.openqa.selenium.JavascriptExecutor;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * A Chromium page with {@code thywill-ws.js} loaded from a server's websocket Client Interface, on which tests run
 * scripts that use the library: a page of the server's own origin, which is not the plain WebSocket's (another
 * port), as for a page of an application that uses the plain WebSocket.
 */
public final class JavaScriptClientPage {

    private final Browser browser;

    private JavaScriptClientPage(Browser browser) {
        this.browser = browser;
    }

    /**
     * Loads a fresh page, without cookies, and the library into it.
     *
     * @param browser the browser
     * @param server a server started with the plain WebSocket
     * @return the page
     */
    public static JavaScriptClientPage open(Browser browser, ThywillTestServer server) {
        browser.load(server.uri().resolve("/thywill/health"));
        browser.driver().manage().deleteAllCookies();
        return new JavaScriptClientPage(browser).withLibrary("arguments[0]",
                "http://127.0.0.1:" + server.plainWebSocketUri().getPort() + "/thywill/ws/thywill-ws.js");
    }

    /**
     * Loads an application's Thywill page, connected over Bayeux, and the library from where its configuration
     * says ({@code thywill.config.bootstrap.plainWebSocket}).
     *
     * @param browser the browser
     * @param server a server started with the plain WebSocket
     * @param applicationId the application
     * @return the page
     */
    public static JavaScriptClientPage onApplicationPage(Browser browser, ThywillTestServer server,
                                                         String applicationId) {
        browser.load(server.page(applicationId)).waitUntilConnected();
        return new JavaScriptClientPage(browser).withLibrary("'http://' + location.hostname + ':'"
                + " + thywill.config.bootstrap.plainWebSocket.port + thywill.config.bootstrap.plainWebSocket.script");
    }

    private JavaScriptClientPage withLibrary(String address, Object... args) {
        Object loaded = run("""
                const script = document.createElement('script');
                script.src = %s;
                document.head.appendChild(script);
                await new Promise((resolve, reject) => { script.onload = resolve; script.onerror = reject; });
                return typeof thywillWs.connect;
                """.formatted(address), args);
        assertEquals("function", loaded, "the library, served by the websocket Client Interface");
        return this;
    }

    /**
     * Runs a script and waits for what it returns.
     *
     * @param body the body of an async function, which may {@code await until(condition)}: a promise of the
     *        condition holding (checked every 20 ms, rejected after 15 s)
     * @param args its {@code arguments}
     * @return what it returns (numbers as Long or Double, arrays as List, objects as Map)
     */
    public Object run(String body, Object... args) {
        // ChromeDriver waits for a promise the script returns.
        return ((JavascriptExecutor) browser.driver()).executeScript("""
                const args = arguments;
                const until = (condition, timeout = 15000) => new Promise((resolve, reject) => {
                    const started = Date.now();
                    const check = () => condition() ? resolve()
                        : Date.now() - started > timeout ? reject(new Error('timed out waiting for ' + condition))
                        : setTimeout(check, 20);
                    check();
                });
                return (async function () {
                """ + body + """
                }).apply(null, args);
                """, args);
    }
}
