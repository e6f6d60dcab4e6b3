package org.thywill.benchmark.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.thywill.benchmark.Scenario;
import org.thywill.benchmark.server.ProcessStats;

/**
 * A client of the benchmark application that is not one of the simulated clients: the one that asks the server
 * for its own process's measurements, or the broadcast scenario's publisher. Each has a connection of its own, so
 * a question is never queued behind the publisher's messages. One question at a time.
 */
final class ServerProbe implements LoadClient.Events {

    private final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    private volatile CompletableFuture<Map<String, Object>> pending = new CompletableFuture<>();
    private LoadClient client;

    private ServerProbe() {
    }

    /**
     * @param factory makes a client that reports to the given events
     * @return the probe, connected (to the benchmark application, on Thywill)
     * @throws Exception when it does not connect within 30 s
     */
    static ServerProbe connect(java.util.function.Function<LoadClient.Events, LoadClient> factory) throws Exception {
        ServerProbe probe = new ServerProbe();
        probe.client = factory.apply(probe);
        probe.client.handshake(Scenario.BROADCAST);
        if (!probe.connected.get(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("A probe client could not connect to the server.");
        }
        return probe;
    }

    /** @return its client */
    LoadClient client() {
        return client;
    }

    @Override
    public void settled(LoadClient c, boolean ok) {
        connected.complete(ok);
    }

    @Override
    public void stats(Map<String, Object> stats) {
        pending.complete(stats);
    }

    /**
     * @param collectGarbage whether the server collects garbage first
     * @return the server's answer, or {@link ProcessStats#UNKNOWN} from a server too overloaded to answer within
     *         60 s (the run still reports what the clients saw)
     * @throws InterruptedException when interrupted while waiting
     */
    ProcessStats sample(boolean collectGarbage) throws InterruptedException {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending = answer;
        client.stats(collectGarbage);
        try {
            return ProcessStats.fromMap(answer.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("The server gave no stats answer within 60 s.");
            return ProcessStats.UNKNOWN;
        }
    }
}
