package org.thywill.server.operations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * SIGTERM to a real server process loses no message it accepted: the test keeps sending while the signal arrives,
 * then starts a server on the same H2 file and finds there every message whose publish the server had answered
 * as successful.
 */
class GracefulShutdownTest {

    private static final Pattern STARTED = Pattern.compile("Thywill started in \\d+ ms; open http://127\\.0\\.0\\.1:"
            + "(\\d+)/");

    @TempDir
    Path home;

    @Test
    void sigtermLosesNoAcceptedMessage() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/thywill.yml"), String.join("\n",
                "server: {host: 127.0.0.1, port: 0, shutdownTimeout: 30s}",
                "log: {implementation: logback, level: INFO, file: ''}",
                "database: {implementation: h2, file: data/thywill}",
                "clientInterface: {implementation: cometd, maxInterval: 3s, longPollTimeout: 5s}",
                "application: {implementation: classpath, enabled: [delivery]}", ""));
        Process process = new ProcessBuilder(javaCommand()).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(process, output, port), "child-output");
        reader.setDaemon(true);
        reader.start();
        Set<Long> accepted = new ConcurrentSkipListSet<>();
        String pageSession;
        try {
            Integer bound = port.poll(90, TimeUnit.SECONDS);
            assertTrue(bound != null, "the server process started: " + output);
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + bound + "/");
            // The page is away (closed, or reloading) while the messages for it are sent: they wait in its inbox.
            TestClient page = TestClient.connect(uri, "delivery", Transport.WEBSOCKET,
                    TestClient.newSession(uri, "delivery"));
            pageSession = page.sessionCookie().getValue();
            page.disconnect();
            TestClient sender = TestClient.connect(uri, "delivery", Transport.WEBSOCKET,
                    TestClient.newSession(uri, "delivery"));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (long i = 0; i < 5000; i++) {
                    Message reply;
                    try {
                        reply = sender.send(Map.of("cmd", "receipted", "session", pageSession, "data", i));
                    } catch (RuntimeException noReply) {
                        return;
                    }
                    if (!reply.isSuccessful()) {
                        return;
                    }
                    accepted.add(i);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (accepted.size() < 50 && !sending.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(accepted.size() >= 50, "the server accepts messages before the signal: " + accepted.size());

            // SIGTERM, while the sender keeps sending. (Process.destroy() would also close the output under the
            // reader, losing the last lines; the handle only signals.)
            assertTrue(process.toHandle().destroy(), "SIGTERM sent");

            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the process ended after SIGTERM: " + output);
            reader.join(30_000); // its last lines; destroying the process would close the stream under it
            sending.get(60, TimeUnit.SECONDS);
            sender.close();
            page.close();
        } finally {
            process.destroyForcibly();
        }
        synchronized (output) {
            assertTrue(output.stream().anyMatch(l -> l.contains("told") && l.contains("connect again")),
                    "it told its clients to connect again: " + output);
            assertTrue(output.stream().anyMatch(l -> l.contains("Thywill stopped")), "it stopped whole: " + output);
        }

        try (ThywillTestServer restarted = ThywillTestServer.withApplications("delivery").home(home)
                .set("database", "file", "data/thywill").start();
             TestClient page = TestClient.connect(restarted.uri(), "delivery", Transport.WEBSOCKET,
                     org.eclipse.jetty.http.HttpCookie.from("thywill_session", pageSession))) {
            Set<Long> delivered = new TreeSet<>();
            while (!delivered.containsAll(accepted)) {
                TestClient.Delivery d = page.next(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError(
                        "Accepted before SIGTERM but never delivered: " + missing(accepted, delivered)
                                + "; the stopping server said: " + output.subList(Math.max(0, output.size() - 30),
                                output.size())));
                if ("message".equals(d.type()) && d.data() instanceof Number n) {
                    delivered.add(n.longValue());
                }
            }
        }
    }

    private static Set<Long> missing(Set<Long> accepted, Set<Long> delivered) {
        Set<Long> missing = new TreeSet<>(accepted);
        missing.removeAll(delivered);
        return missing;
    }

    private List<String> javaCommand() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dthywill.home=" + home, "-cp", classPath, "org.thywill.kernel.Main",
                home.resolve("config/thywill.yml").toString());
    }

    private static void read(Process process, List<String> output, BlockingQueue<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.add(line);
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    port.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            output.add("(output ended: " + e + ")");
        }
    }
}
