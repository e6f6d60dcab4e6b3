package org.thywill.apps.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * The distribution's {@code bin/thywill-chat}, run by Node against a real server: a person at a terminal and a
 * person in a browser (a real CometD client here) talk in one room, through the two Client Interfaces. Needs Node 20
 * or later on the path; skipped without it.
 */
class ChatCommandLineTest {

    private static final Path SCRIPT = Path.of("../../thywill-server/thywill-distribution/src/main/bin/thywill-chat");
    private static final String ROOM = "/thywill/chat/channel/room";

    @Test
    void aTerminalAndABrowserTalkInOneRoom() throws Exception {
        assumeTrue(nodeWithWebSocket(), "Node 20 or later is not on the path");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " is missing");
        try (ThywillTestServer server = ThywillTestServer.withApplications("chat").withPlainWebSocket().start();
             TestClient browser = TestClient.connect(server, "chat", TestClient.Transport.WEBSOCKET)) {
            browser.next(); // its welcome
            Process terminal = new ProcessBuilder("node", "--experimental-websocket", SCRIPT.toString(),
                    server.plainWebSocketUri().toString(), "Ada").redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> read(terminal, lines), "terminal-output");
            reader.setDaemon(true);
            reader.start();
            try (Writer typing = terminal.outputWriter(StandardCharsets.UTF_8)) {
                assertTrue(awaitLine(lines, "You are "), "no welcome in the terminal");
                typing.write("hello from a terminal\n");
                typing.flush();
                // The room hears of the newcomer as Guest 2 then renamed, or as Ada when the rename came first.
                List<Map<?, ?>> seen = new ArrayList<>();
                Map<String, Object> said = Map.of("from", "Ada", "text", "hello from a terminal");
                while (!seen.contains(said)) {
                    seen.add(withoutAt(roomMessage(browser)));
                }
                assertTrue(seen.contains(Map.of("event", "renamed", "from", "Guest 2", "to", "Ada"))
                        || seen.contains(Map.of("event", "joined", "name", "Ada")), () -> "Ada never arrived: " + seen);

                browser.send(Map.of("text", "hello back"));
                assertTrue(awaitLine(lines, "Guest 1: hello back"), "the browser's line did not reach the terminal");
            }
            assertTrue(terminal.waitFor(20, TimeUnit.SECONDS), "the terminal did not end at the end of its input");
            assertEquals(0, terminal.exitValue());
        }
    }

    @Test
    void aServerWithoutThePlainWebSocketIsNamedAsTheProblem() throws Exception {
        assumeTrue(nodeWithWebSocket(), "Node 20 or later is not on the path");
        Process terminal = new ProcessBuilder("node", "--experimental-websocket", SCRIPT.toString(),
                "ws://127.0.0.1:9/thywill/ws").redirectErrorStream(true).start();
        String output = new String(terminal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(terminal.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, terminal.exitValue());
        assertTrue(output.contains("cannot reach http://127.0.0.1:9/thywill/ws/thywill-ws.js")
                && output.contains("websocket Client Interface"), output);
    }

    private static Object roomMessage(TestClient client) {
        TestClient.Delivery delivery = client.next();
        assertEquals(ROOM, delivery.channel(), () -> "Delivered on the wrong channel: " + delivery);
        return delivery.data();
    }

    private static Map<?, ?> withoutAt(Object data) {
        Map<?, ?> map = (Map<?, ?>) data;
        return map.entrySet().stream().filter(e -> !"at".equals(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && (line.startsWith(start) || line.endsWith(start))) {
                return true;
            }
        }
        return false;
    }

    private static void read(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        } catch (IOException e) {
            lines.add("(output ended: " + e.getMessage() + ")");
        }
    }

    private static boolean nodeWithWebSocket() {
        try {
            Process node = new ProcessBuilder(List.of("node", "--experimental-websocket", "-e",
                    "console.log(typeof WebSocket)")).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return node.waitFor(20, TimeUnit.SECONDS) && "function".equals(output.strip());
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
