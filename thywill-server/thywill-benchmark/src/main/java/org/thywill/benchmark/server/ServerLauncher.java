package org.thywill.benchmark.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.thywill.benchmark.OptionValues;
import org.thywill.benchmark.ServerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts one server under test in this JVM and keeps it running until the process is stopped or its lifetime runs
 * out (so a forgotten server never outlives a benchmark by long):
 * <pre>
 * java -cp thywill-benchmark.jar org.thywill.benchmark.server.ServerLauncher --server thywill --port 8080
 * java -cp thywill-benchmark.jar org.thywill.benchmark.server.ServerLauncher --server cometd --port 8081
 * </pre>
 * Thywill runs with its default settings ({@code THYWILL_*} environment variables override them) in a fresh
 * temporary home folder, removed at exit. The options are read by picocli.
 */
@Command(name = "ServerLauncher", sortOptions = false)
public final class ServerLauncher implements Callable<Integer> {

    @Option(names = "--server", defaultValue = "thywill", paramLabel = "thywill|thywill-redis|cometd")
    private String server;

    @Option(names = "--port", defaultValue = "8080")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1")
    private String host;

    @Option(names = "--lifetime", defaultValue = "15m", converter = OptionValues.DurationConverter.class)
    private Duration lifetime;

    @Option(names = "--json", defaultValue = "jetty", paramLabel = "jetty|jackson")
    private String json;

    @Option(names = "--max-threads", defaultValue = "0")
    private int maxThreads;

    @Option(names = "--ack", defaultValue = "no", paramLabel = "yes|no")
    private String ack;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379")
    private String redis;

    @Option(names = "--key-prefix", defaultValue = "thywill-bench")
    private String keyPrefix;

    @Option(names = "--node-id", defaultValue = "node-1")
    private String nodeId;

    private ServerLauncher() {
    }

    /**
     * @param args {@code --server thywill|thywill-redis|cometd}, {@code --port N} (default 8080), {@code --host}
     *        (default 127.0.0.1), {@code --lifetime} (default 15m); for a node of {@code thywill-redis}:
     *        {@code --redis} (default redis://127.0.0.1:6379), {@code --key-prefix} and {@code --node-id}; for the
     *        CometD baseline only, to measure a candidate default: {@code --json jetty|jackson} and
     *        {@code --max-threads N} (see {@link BaselineTuning})
     */
    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServerLauncher()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws Exception {
        ServerKind kind = ServerKind.of(server);
        OptionValues.within("--port", port, 0, 65_535);
        OptionValues.within("--lifetime", lifetime, Duration.ofSeconds(1), Duration.ofHours(4));
        AutoCloseable server;
        int listening;
        Path home = null;
        long began = System.nanoTime();
        switch (kind) {
            case THYWILL -> {
                home = Files.createTempDirectory("thywill-benchmark-");
                var thywill = ThywillBenchmarkServer.start(host, port, home, System.getenv());
                listening = thywill.port();
                server = thywill;
            }
            case THYWILL_REDIS -> {
                home = Files.createTempDirectory("thywill-benchmark-");
                var thywill = ThywillBenchmarkServer.startNode(host, port, home, System.getenv(),
                        redis, keyPrefix, nodeId);
                listening = thywill.port();
                server = thywill;
            }
            case COMETD -> {
                var cometd = CometdBaselineServer.start(host, port, new BaselineTuning(json,
                        OptionValues.within("--max-threads", maxThreads, 0, 10_000), ack.equals("yes")));
                listening = cometd.port();
                server = cometd;
            }
            default -> throw new IllegalArgumentException("The Socket.IO server runs on Node: node server.js");
        }
        System.out.printf("%s benchmark server listening on %s:%d, started in %d ms%n", kind.label(), host,
                listening, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        CountDownLatch stopped = new CountDownLatch(1);
        Path removeAtExit = home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("The server did not stop cleanly: " + e);
            }
            delete(removeAtExit);
            stopped.countDown();
        }, "benchmark-server-stop"));
        if (!stopped.await(lifetime.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("Lifetime of " + lifetime.toSeconds() + " s over; stopping.");
            System.exit(0);
        }
        return 0;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e);
        }
    }
}
