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
        JavaScriptClientPage page = new JavaScriptClientPage(browser);
        Object loaded = page.run("""
                const script = document.createElement('script');
                script.src = arguments[0];
                document.head.appendChild(script);
                await new Promise((resolve, reject) => { script.onload = resolve; script.onerror = reject; });
                return typeof thywillWs.connect;
                """, "http://127.0.0.1:" + server.plainWebSocketUri().getPort() + "/thywill/ws/thywill-ws.js");
        assertEquals("function", loaded, "the library, served by the websocket Client Interface");
        return page;
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
