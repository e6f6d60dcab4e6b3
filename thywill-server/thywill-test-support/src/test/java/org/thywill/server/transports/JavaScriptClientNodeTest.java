package org.thywill.server.transports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.ThywillTestServer;

/**
 * {@code thywill-ws.js} outside a browser: saved from the server and loaded with Node's {@code require}, it talks to
 * a real server (a message round trip and a call). Needs Node 20 or later on the path (skipped without it; the
 * browser test covers the behaviour).
 */
class JavaScriptClientNodeTest {

    private static final String SCRIPT = """
            const { connect } = require(process.argv[1]);
            (async () => {
                const client = connect(process.argv[2], {application: 'rpc-probe'});
                await client.ready();
                const sum = await client.call('add', [20, 22]);
                const missing = await client.call('nosuch').then(() => 'resolved', e => e.code);
                client.close();
                const echo = connect(process.argv[2], {application: 'delivery'});
                const echoed = new Promise(resolve => echo.onMessage(resolve));
                await echo.send({from: 'node'});
                const got = await echoed;
                echo.close();
                console.log(JSON.stringify({sum, missing, got}));
            })().catch(e => { console.error(e); process.exit(1); });
            """;

    @TempDir
    Path folder;

    @Test
    void nodeLoadsTheLibraryWithRequireAndTalksToTheServer() throws Exception {
        assumeTrue(nodeWithWebSocket(), "Node 20 or later is not on the path");
        try (ThywillTestServer server = ThywillTestServer.withApplications("delivery", "rpc-probe")
                .withPlainWebSocket().start()) {
            URI endpoint = server.plainWebSocketUri();
            HttpResponse<String> library = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.getPort() + "/thywill/ws/thywill-ws.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, library.statusCode());
            Path file = Files.writeString(folder.resolve("thywill-ws.js"), library.body());

            String output = node("-e", SCRIPT, file.toString(), endpoint.toString());
            assertEquals("{\"sum\":42,\"missing\":\"not-found\",\"got\":{\"from\":\"node\"}}", output.strip());
        }
    }

    /** Node 22 has a WebSocket; Node 20 and 21 have it behind a flag, which later versions still accept. */
    private static boolean nodeWithWebSocket() {
        try {
            return "function".equals(node("-e", "console.log(typeof WebSocket)").strip());
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static String node(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("node", "--experimental-websocket"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("thywill-node-", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            // A client left open would keep Node running: that fails the test rather than hanging it.
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException("node " + (ended ? "failed" : "did not end") + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
