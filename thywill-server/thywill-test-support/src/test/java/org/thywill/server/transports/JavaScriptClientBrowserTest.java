package org.thywill.server.transports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thywill.testing.Browser;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;
import org.thywill.testing.fixtures.TcpProxy;

/**
 * {@code thywill-ws.js}, the JavaScript client of the plain WebSocket, in Chromium against a real server with the
 * {@code websocket} Client Interface ({@link JavaScriptClientPage}), reaching the server directly, or through a TCP
 * proxy whose cut is a network outage.
 */
class JavaScriptClientBrowserTest {

    private static ThywillTestServer server;
    private static TcpProxy network;
    private static Browser browser;
    private JavaScriptClientPage page;

    @BeforeAll
    static void start() throws Exception {
        server = ThywillTestServer.withApplications("delivery", "rpc-probe", "probe").withPlainWebSocket().start();
        network = TcpProxy.to(new InetSocketAddress("127.0.0.1", plainPort()));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
        } finally {
            network.close();
            server.close();
        }
    }

    @BeforeEach
    void freshPage() {
        restore();
        page = JavaScriptClientPage.open(browser, server);
    }

    private static int plainPort() {
        return server.plainWebSocketUri().getPort();
    }

    private static String direct() {
        return server.plainWebSocketUri().toString();
    }

    private static String throughTheProxy() {
        return "ws://127.0.0.1:" + network.port() + "/thywill/ws";
    }

    private Object run(String script, Object... args) {
        return page.run(script, args);
    }

    private static void restore() {
        try {
            network.restore();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMessageSentComesBackFromTheEchoingApplication() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'delivery'});
                const echoed = new Promise(resolve => client.onMessage((data, meta) => resolve({data, meta})));
                const welcome = await client.ready();
                await client.send({text: 'hello'});
                const got = await echoed;
                client.close();
                return {got, session: typeof welcome.session, connection: client.connectionId, state: client.state};
                """, direct());
        Map<?, ?> outcome = (Map<?, ?>) result;
        assertEquals(Map.of("data", Map.of("text", "hello"),
                "meta", mapOf("application", "delivery", "channel", null, "seq", null)), outcome.get("got"));
        assertEquals("string", outcome.get("session"));
        assertTrue(String.valueOf(outcome.get("connection")).startsWith("ws-"), outcome.toString());
        assertEquals("closed", outcome.get("state"));
    }

    @Test
    void aThywillPageFindsThePlainWebSocketInItsConfigurationAndSharesItsSession() {
        page = JavaScriptClientPage.onApplicationPage(browser, server, "delivery");
        Object result = run("""
                const where = thywill.config.bootstrap.plainWebSocket;
                const client = thywillWs.connect('ws://' + location.hostname + ':' + where.port + where.path,
                        {application: 'delivery'});
                const echoed = new Promise(resolve => client.onMessage(resolve));
                await client.ready();
                await client.send('over the plain WebSocket');
                const got = await echoed;
                // The upgrade carried the page's session cookie (whose port does not matter): a message to the
                // client's session reaches the page too.
                const shared = new Promise(resolve => thywill.app.onMessage(data => data === 0 && resolve('shared')));
                await client.send({cmd: 'numbers', session: client.session, count: 1, pauseMillis: 0});
                const session = await shared;
                client.close();
                return {got, session};
                """);
        assertEquals(Map.of("got", "over the plain WebSocket", "session", "shared"), result);
    }

    @Test
    void aCallGivesTheFunctionsResultOrRejectsWithTheServersCode() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'rpc-probe'});
                await client.ready();
                const code = promise => promise.then(r => 'resolved ' + r, e => e.code);
                const outcome = [await client.call('add', [2, 3]), await code(client.call('nosuch')),
                        await code(client.call('add', [1])), await code(client.call('forbidden'))];
                client.close();
                return outcome;
                """, direct());
        assertEquals(List.of(5L, "not-found", "invalid-arguments", "not-permitted"), result);
    }

    @Test
    void aChannelsMessagesReachTheHandlersOfThatChannel() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'probe'});
                const all = [], room = [], none = [];
                client.onMessage((data, meta) => all.push([data, meta.channel, meta.seq !== null]));
                client.onMessage(data => room.push(data), {channel: 'room'});
                client.onMessage(data => none.push(data), {channel: null});
                await client.ready();
                await client.send({cmd: 'join', channel: 'room'});
                await until(() => none.includes('joined'));
                await client.send({cmd: 'toChannel', channel: 'room', data: 'hi room'});
                await until(() => room.length > 0);
                client.close();
                return {all, room, none};
                """, direct());
        assertEquals(Map.of("all", List.of(Arrays.asList("joined", null, false), List.of("hi room", "room", true)),
                "room", List.of("hi room"), "none", List.of("joined")), result);
    }

    @Test
    void aMalformedSendIsAnsweredWithAnErrorAndTheConnectionCarriesOn() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'delivery'});
                const codes = [];
                client.onError(error => codes.push(error.code));
                const echoed = [];
                client.onMessage(data => echoed.push(data));
                await client.ready();
                const refused = await client.send('x', {application: 'nosuch'}).then(() => 'accepted', e => e.code);
                // A message without data: the library sends what it is given; the server answers with an error
                // (a refusal of the send, or an error envelope as for a Bayeux publish).
                client.send(undefined).catch(e => codes.push(e.code));
                await until(() => codes.length === 1);
                // A frame that is not the protocol, written on the library's socket.
                client.socket.send('{"op": "shout"}');
                await until(() => codes.length === 2);
                await client.send('still here');
                await until(() => echoed.length > 0);
                client.close();
                return {refused, codes, echoed};
                """, direct());
        assertEquals(Map.of("refused", "unknown-application", "codes", List.of("bad-message", "bad-frame"),
                "echoed", List.of("still here")), result);
    }

    @Test
    void anUnknownApplicationEndsTheClientWithTheServersReason() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'nosuch'});
                const closes = [];
                client.onClose(reason => closes.push(reason));
                const refused = await client.ready().then(() => 'welcomed', e => e.code);
                await until(() => closes.length > 0);
                return {refused, code: closes[0].code, reconnecting: closes[0].reconnecting, state: client.state};
                """, direct());
        assertEquals(Map.of("refused", "unknown-application", "code", "unknown-application", "reconnecting", false,
                "state", "closed"), result);
    }

    @Test
    void numberedMessagesAreAcknowledgedSoNeitherAReconnectionNorANewClientGetsThemAgain() {
        run("""
                window.first = thywillWs.connect(arguments[0], {application: 'delivery'});
                window.numbered = [];
                first.onMessage((data, meta) => { if (meta.seq !== null) numbered.push(data); });
                await first.ready();
                await first.send({cmd: 'numbers', session: first.session, count: 3, pauseMillis: 0});
                await until(() => numbered.length === 3);
                """, throughTheProxy());
        network.cut();
        browser.waitFor(d -> "disconnected".equals(run("return first.state;")));
        restore();
        Object result = run("""
                await until(() => first.state === 'connected');
                await first.send({cmd: 'numbers', session: first.session, count: 1, pauseMillis: 0});
                await until(() => numbered.length === 4);
                const session = first.session;
                const lastHandled = first.handled.delivery;
                // The library acknowledges a moment after the handlers ran; a round trip after that makes sure the
                // server has read the acknowledgement before this connection, the session's last, ends.
                await until(() => first.acked.delivery === lastHandled);
                await first.send('a round trip');
                first.close();
                // A new client of the same session, remembering nothing it handled: what was not acknowledged
                // would be replayed to it before the new message.
                const second = thywillWs.connect(arguments[0], {application: 'delivery', session});
                const seqs = [];
                let told = false;
                second.onMessage((data, meta) => meta.seq === null ? told = data === 'sent 1' : seqs.push(meta.seq));
                await second.ready();
                await second.send({cmd: 'numbers', session, count: 1, pauseMillis: 0});
                await until(() => told && seqs.some(seq => seq > lastHandled));
                second.close();
                return {numbered, replayed: seqs.filter(seq => seq <= lastHandled).length, received: seqs.length};
                """, direct());
        assertEquals(Map.of("numbered", List.of(0L, 1L, 2L, 0L), "replayed", 0L, "received", 1L), result);
    }

    @Test
    void receiptsCompleteOnceTheHandlersRan() {
        Object result = run("""
                const client = thywillWs.connect(arguments[0], {application: 'delivery'});
                const handled = [], told = [];
                client.onMessage((data, meta) => typeof data === 'object' ? told.push(Object.keys(data)[0])
                        : handled.push(data));
                await client.ready();
                await client.send({cmd: 'receipted', session: client.session, data: 'to the session'});
                await client.send({cmd: 'receiptedTo', connection: client.connectionId, data: 'to the connection'});
                await until(() => told.length === 2);
                client.close();
                return {handled: handled.sort(), told};
                """, direct());
        assertEquals(Map.of("handled", List.of("to the connection", "to the session"),
                "told", List.of("receipt", "receipt")), result);
    }

    @Test
    void whatWasSentWhileTheSocketWasClosedArrivesAfterTheReconnectionOnce() {
        run("""
                window.client = thywillWs.connect(arguments[0], {application: 'delivery'});
                window.received = [];
                client.onMessage((data, meta) => received.push(meta.seq === null ? data : 'numbered ' + data));
                await client.ready();
                """, throughTheProxy());
        network.cut();
        browser.waitFor(d -> "disconnected".equals(run("return client.state;")));
        run("""
                // The client's own send waits for the socket...
                window.sent = 'pending';
                client.send('sent during the cut').then(() => sent = 'accepted', e => sent = e.code);
                """);
        // ...and the application sends to the client's session meanwhile, told by a CometD client.
        try (TestClient other = TestClient.connect(server, "delivery", TestClient.Transport.WEBSOCKET)) {
            other.send(Map.of("cmd", "numbers", "session", run("return client.session;"), "count", 3,
                    "pauseMillis", 0));
            assertEquals("sent 3", other.nextMessage());
        }
        assertEquals("pending", run("return sent;"), "nothing could accept it during the cut");
        restore();
        Object result = run("""
                await until(() => sent === 'accepted' && received.length >= 4);
                await client.send('last');
                await until(() => received.includes('last'));
                client.close();
                return received;
                """);
        List<?> received = (List<?>) result;
        assertEquals(List.of("numbered 0", "numbered 1", "numbered 2"),
                received.stream().filter(r -> String.valueOf(r).startsWith("numbered")).toList(), "replayed in order");
        assertEquals(1, received.stream().filter("sent during the cut"::equals).count(), received.toString());
    }

    /** Map.of refuses nulls; the client's meta has some. */
    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
