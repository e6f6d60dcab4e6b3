package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thywill.server.delivery.DeliveryTest.range;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Delivery;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * A server process killed with SIGKILL in the middle of a stream of sends to a session, then started again on the
 * same database (a subclass each): what protocol.md's "What a crash can lose" promises, checked message by
 * message. The sender is told of each send as it happens, so a message counts as sent only once the server had
 * sent it.
 */
abstract class CrashRestartContract {

    /**
     * A send to a session without a connection is written at once, so a kill loses only what the writer had not
     * committed: the last moments' (at most 408 ms measured with the machine's load average at 18), bounded here with
     * room for a busy machine.
     */
    private static final Duration OFFLINE_LOSS = Duration.ofMillis(1000);
    /** One handed to a live connection waits inboxWriteDelay (500 ms) before it is written, unless acknowledged. */
    private static final Duration LIVE_LOSS = Duration.ofMillis(500 + 1000);
    private static final Duration STREAM_BEFORE_KILL = Duration.ofMillis(1500);
    private static final long PAUSE_MILLIS = 5;

    @TempDir
    Path home;
    private Process process;

    /** @return the database settings, {@code section.key=value}, the same at every start */
    protected abstract Map<String, String> database();

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aKillLosesOnlyTheLastMomentsOfSendsToASessionWithoutAConnection(Transport transport) throws Exception {
        URI crashing = startProcess();
        TestClient page = TestClient.connect(crashing, "delivery", transport,
                TestClient.newSession(crashing, "delivery"));
        page.disconnect();
        TestClient sender = TestClient.connect(crashing, "delivery", transport, TestClient.newSession(crashing, "delivery"));
        Map<Long, Long> sentAt = streamThenKill(sender, page);
        long killedAt = System.nanoTime();

        try (ThywillTestServer restarted = restart();
             TestClient tab = TestClient.connect(restarted.uri(), "delivery", transport, page.sessionCookie())) {
            List<Object> received = messages(untilQuiet(tab));
            Outcome outcome = judge(received, sentAt, killedAt, OFFLINE_LOSS);
            System.out.printf("%s offline %s: sent %d, kept %d, lost %d (the last %d ms before the"
                    + " kill)%n", getClass().getSimpleName(), transport, sentAt.size(), received.size(), outcome.lost, outcome.lostMillis);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aKillLosesOnlyWhatALivePageHadNotReceivedInItsLastHalfSecondAndItSeesNothingTwice(Transport transport)
            throws Exception {
        URI crashing = startProcess();
        TestClient page = TestClient.connect(crashing, "delivery", transport,
                TestClient.newSession(crashing, "delivery"));
        TestClient sender = TestClient.connect(crashing, "delivery", transport, TestClient.newSession(crashing, "delivery"));
        Map<Long, Long> sentAt = streamThenKill(sender, page);
        long killedAt = System.nanoTime();
        List<Object> before = messages(page.drain());
        page.drop();

        try (ThywillTestServer restarted = restart();
             TestClient reloaded = page.reconnect(restarted.uri(), transport)) {
            List<Object> after = messages(untilQuiet(reloaded));
            List<Object> handled = new ArrayList<>(before);
            handled.addAll(after);
            Outcome outcome = judge(handled, sentAt, killedAt, LIVE_LOSS);
            System.out.printf("%s live %s: sent %d, received %d before the kill and %d after the"
                    + " restart, %d replayed and dropped as duplicates, lost %d (the last %d ms before the kill)%n",
                    getClass().getSimpleName(), transport, sentAt.size(), before.size(), after.size(), reloaded.duplicatesDropped(), outcome.lost,
                    outcome.lostMillis);
        }
    }

    /** @return per number, when the sender heard it was sent ({@link System#nanoTime()}) */
    private Map<Long, Long> streamThenKill(TestClient sender, TestClient to) throws InterruptedException {
        Map<String, Object> command = new HashMap<>(DeliveryTest.numbers(to, 1_000_000, PAUSE_MILLIS));
        command.put("tell", true);
        sender.send(command);
        Thread.sleep(STREAM_BEFORE_KILL.toMillis());
        process.destroyForcibly(); // SIGKILL: no hook, no flush
        process.waitFor(10, TimeUnit.SECONDS);
        Map<Long, Long> sentAt = new HashMap<>();
        for (Delivery d : sender.drain()) {
            if (d.data() instanceof Map<?, ?> m && m.get("sent") instanceof Number n) {
                sentAt.put(n.longValue(), d.arrived());
            }
        }
        sender.drop();
        assertTrue(sentAt.size() > 50, "The stream should have run before the kill: " + sentAt.size() + " sent");
        return sentAt;
    }

    private record Outcome(int lost, long lostMillis) {
    }

    /**
     * Checks that what arrived is 0..k-1, each once and in order, and that every number sent longer than
     * {@code loss} before the kill is among them.
     */
    private static Outcome judge(List<Object> received, Map<Long, Long> sentAt, long killedAt, Duration loss) {
        assertEquals(range(received.size()), received,
                "What arrives must be the stream's start, each number once and in order");
        long kept = received.size();
        long oldestLost = sentAt.entrySet().stream().filter(e -> e.getKey() >= kept)
                .mapToLong(Map.Entry::getValue).min().orElse(killedAt);
        long lostMillis = TimeUnit.NANOSECONDS.toMillis(killedAt - oldestLost);
        assertTrue(lostMillis <= loss.toMillis(), "Only sends of the last " + loss.toMillis() + " ms before the"
                + " kill may be lost, but number " + kept + " was sent " + lostMillis + " ms before it and is lost ("
                + sentAt.size() + " sent)");
        int lost = (int) sentAt.keySet().stream().filter(n -> n >= kept).count();
        return new Outcome(lost, lostMillis);
    }

    /** @return every delivery until none came for a second */
    private static List<Delivery> untilQuiet(TestClient client) {
        List<Delivery> all = new ArrayList<>();
        for (var next = client.next(Duration.ofSeconds(1)); next.isPresent(); next = client.next(Duration.ofSeconds(1))) {
            all.add(next.get());
        }
        return all;
    }

    private static List<Object> messages(List<Delivery> deliveries) {
        return deliveries.stream().filter(d -> "message".equals(d.type()))
                .<Object>map(d -> ((Number) d.data()).longValue()).toList();
    }

    private URI startProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashableServer.class.getName(), home.toString()));
        database().forEach((key, value) -> command.add(key + "=" + value));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    if (line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(line.substring(5).strip()));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new AssertionError("The server process ended before it listened"));
        }, "crashable-server-output");
        reader.setDaemon(true);
        reader.start();
        return URI.create("http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS) + "/");
    }

    private ThywillTestServer restart() {
        return CrashableServer.configure(ThywillTestServer.withApplications("delivery").home(home), database())
                .start();
    }
}
