package org.thywill.benchmark.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.thywill.benchmark.RunSettings;
import org.thywill.benchmark.Scenario;
import org.thywill.benchmark.report.Report;
import org.thywill.benchmark.server.ProcessStats;

/**
 * One run of one scenario against one running server: connect the clients over the ramp (at most
 * {@code concurrency} handshakes in flight), measure the server idle with every client connected, load it for the
 * warm-up and then for the measured hold, stop sending, let what is in flight arrive, disconnect everyone. Every
 * phase has a deadline, so a run always ends.
 */
public final class LoadRun implements LoadClient.Events {

    private static final long SETTLE_MILLIS = 1000;
    private static final long DRAIN_MILLIS = 3000;
    private static final long READY_GRACE_MILLIS = 30_000;
    /**
     * Threads that make the paced sends, each client's on one of them: a few, so that sends overlap on a busy
     * machine while each client's messages stay in order; the backlog is about a second of the asked rate.
     */
    private static final int SEND_LANES = 4;

    private final RunSettings settings;
    private final ClientResources resources;
    private final Dialect dialect;
    private final Metrics metrics = new Metrics();
    /** Every node's address; a load client goes to the next in turn, the probe and the publisher to the first. */
    private final List<String> urls;
    private final AtomicInteger dealt = new AtomicInteger();
    /** Each client's index, which its messages' ids carry. */
    private final AtomicInteger indices = new AtomicInteger();
    private final String filler;
    private final Semaphore inFlight;
    private final List<LoadClient> all = new ArrayList<>();
    private final List<LoadClient> ready = new ArrayList<>();
    private final Map<String, AtomicInteger> roomSizes = new ConcurrentHashMap<>();
    private final AtomicInteger joins = new AtomicInteger();
    private final CountDownLatch settledAll;
    private final CountDownLatch readyAll;
    private volatile boolean loading;

    private LoadRun(RunSettings settings, ClientResources resources) {
        this.settings = settings;
        this.resources = resources;
        this.dialect = Dialect.of(settings.server(), settings.acknowledge());
        this.urls = settings.nodes().stream().map(node -> node.resolve(dialect.path()).toString()).toList();
        this.filler = "x".repeat(settings.size());
        this.inFlight = new Semaphore(settings.concurrency());
        this.settledAll = new CountDownLatch(settings.clients());
        this.readyAll = new CountDownLatch(settings.clients());
    }

    /**
     * @param settings what to run
     * @return what it measured
     * @throws Exception when the server cannot be reached at all
     */
    public static Report run(RunSettings settings) throws Exception {
        try (ClientResources resources = ClientResources.start(settings.clientThreads())) {
            return new LoadRun(settings, resources).execute();
        }
    }

    private Report execute() throws Exception {
        ServerProbe probe = ServerProbe.connect(this::firstNodeClient);
        ServerProbe publisher = settings.scenario() == Scenario.BROADCAST
                ? ServerProbe.connect(this::firstNodeClient) : null;
        ExecutorService connectors = Executors.newFixedThreadPool(Math.min(settings.concurrency(), 32),
                ClientResources.daemon("load-connect"));
        try {
            ProcessStats before = probe.sample(true);
            return settings.scenario() == Scenario.CONNECT_STORM
                    ? connectStorm(probe, connectors, before)
                    : load(probe, publisher, connectors, before);
        } finally {
            loading = false;
            List<LoadClient> extra = new ArrayList<>(List.of(probe.client()));
            if (publisher != null) {
                extra.add(publisher.client());
            }
            disconnectAll(extra, connectors);
            connectors.shutdownNow();
        }
    }

    private LoadClient newClient(LoadClient.Events events) {
        String url = urls.get(Math.floorMod(dealt.getAndIncrement(), urls.size()));
        return new LoadClient(indices.getAndIncrement(), url, resources, settings.transport(), dialect, metrics,
                filler, events);
    }

    private LoadClient firstNodeClient(LoadClient.Events events) {
        return new LoadClient(indices.getAndIncrement(), urls.get(0), resources, settings.transport(), dialect,
                metrics, filler, events);
    }

    private Report load(ServerProbe probe, ServerProbe publisher, ExecutorService connectors, ProcessStats before)
            throws Exception {
        long rampNanos = settings.ramp().toNanos();
        connectAll(connectors, rampNanos, System.nanoTime() + rampNanos
                + TimeUnit.MILLISECONDS.toNanos(READY_GRACE_MILLIS));
        readyAll.await(settings.ramp().toMillis() + READY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        Thread.sleep(Math.min(SETTLE_MILLIS, Math.max(200, settings.ramp().toMillis())));
        LoadClient[] members;
        synchronized (ready) {
            members = ready.toArray(new LoadClient[0]);
        }
        ProcessStats idle = probe.sample(true);
        Metrics.Window window;
        ProcessStats start;
        ProcessStats end;
        try (SendLanes lanes = new SendLanes(SEND_LANES, Math.max(64, settings.rate() / SEND_LANES))) {
            List<Thread> senders = startLoad(members, publisher == null ? null : publisher.client(), lanes);
            Thread.sleep(settings.warmup().toMillis());
            start = probe.sample(false);
            metrics.openWindow();
            long refusedBefore = lanes.refused();
            Thread.sleep(settings.hold().toMillis());
            window = metrics.closeWindow();
            long refusedInHold = lanes.refused() - refusedBefore;
            end = probe.sample(false);
            loading = false;
            for (Thread sender : senders) {
                sender.join(5000);
            }
            if (lanes.refused() > 0) {
                System.err.printf("%s: %,d sends due were not made, %,d of them in the hold: the generator's send"
                        + " threads were a second behind.%n", settings.server().label(), lanes.refused(),
                        refusedInHold);
            }
        }
        long drainUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        while (metrics.missing() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        return report(members.length, window, metrics.counts(), start, end, before, idle);
    }

    private Report connectStorm(ServerProbe probe, ExecutorService connectors, ProcessStats before)
            throws Exception {
        ProcessStats start = probe.sample(false);
        metrics.openWindow();
        long deadline = System.nanoTime() + settings.hold().toNanos();
        connectAll(connectors, 0, deadline);
        settledAll.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        Metrics.Window window = metrics.closeWindow();
        ProcessStats end = probe.sample(false);
        int connected;
        synchronized (ready) {
            connected = ready.size();
        }
        Thread.sleep(SETTLE_MILLIS);
        ProcessStats idle = probe.sample(true);
        // The storm's "received" is the connections made; it sends no messages to account for.
        return report(connected, window, new DeliveryLedger.Counts(0, -1, connected, -1, -1, 0, 0), start, end,
                before, idle);
    }

    /** Creates and handshakes every client, the i-th at {@code ramp * i / clients}, within the deadline. */
    private void connectAll(ExecutorService connectors, long rampNanos, long deadline) throws InterruptedException {
        long begin = System.nanoTime();
        int n = settings.clients();
        for (int i = 0; i < n; i++) {
            long due = begin + rampNanos * i / n;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                System.err.printf("Only %d of %d clients started before the deadline.%n", i, n);
                return;
            }
            LoadClient client = newClient(this);
            synchronized (all) {
                all.add(client);
            }
            connectors.execute(() -> client.handshake(settings.scenario()));
        }
    }

    @Override
    public void settled(LoadClient client, boolean ok) {
        inFlight.release();
        // The storm's count is read as soon as settledAll reaches zero, so a client is counted down only after it
        // has been recorded as ready; counting down first once lost the last client of a run to that race.
        try {
            if (!ok) {
                readyAll.countDown();
                return;
            }
            switch (settings.scenario()) {
                case CONNECT_STORM -> {
                    metrics.record(client.sinceHandshake());
                    markReady(client);
                }
                case BROADCAST -> client.join("all");
                case ROOMS -> client.join("room-" + joins.getAndIncrement() % settings.rooms());
                default -> markReady(client);
            }
        } finally {
            settledAll.countDown();
        }
    }

    @Override
    public void joined(LoadClient client) {
        roomSizes.computeIfAbsent(client.room(), r -> new AtomicInteger()).incrementAndGet();
        markReady(client);
    }

    @Override
    public void echoed(LoadClient client) {
        if (loading && settings.rate() == 0) {
            client.echo();
        }
    }

    private void markReady(LoadClient client) {
        synchronized (ready) {
            ready.add(client);
        }
        readyAll.countDown();
    }

    private List<Thread> startLoad(LoadClient[] members, LoadClient publisher, SendLanes lanes) {
        loading = true;
        List<Thread> senders = new ArrayList<>();
        if (members.length == 0) {
            return senders;
        }
        int rate = settings.rate();
        switch (settings.scenario()) {
            case ECHO -> {
                if (rate == 0) {
                    for (LoadClient c : members) {
                        c.echo();
                    }
                } else {
                    int[] next = {0};
                    senders.add(Pacer.start("load-echo", rate, () -> loading, () -> {
                        LoadClient c = members[next[0]];
                        lanes.offer(c.index(), c::echo);
                        next[0] = next[0] + 1 < members.length ? next[0] + 1 : 0;
                    }));
                }
            }
            case BROADCAST -> {
                if (rate > 0) {
                    senders.add(Pacer.start("load-publish", rate, () -> loading, () -> lanes.offer(publisher.index(),
                            () -> publisher.broadcast("all", members.length))));
                }
            }
            case ROOMS -> {
                if (rate > 0) {
                    senders.add(Pacer.start("load-rooms", rate, () -> loading, () -> {
                        LoadClient c = members[ThreadLocalRandom.current().nextInt(members.length)];
                        lanes.offer(c.index(), () -> c.broadcast(c.room(), roomSizes.get(c.room()).get()));
                    }));
                }
            }
            default -> {
            }
        }
        return senders;
    }

    private void disconnectAll(List<LoadClient> extra, ExecutorService connectors) throws InterruptedException {
        List<LoadClient> clients;
        synchronized (all) {
            clients = new ArrayList<>(all);
        }
        clients.addAll(extra);
        CountDownLatch done = new CountDownLatch(clients.size());
        for (LoadClient c : clients) {
            connectors.execute(() -> {
                if (c.isConnected()) {
                    c.disconnect(done::countDown);
                } else {
                    c.abort();
                    done.countDown();
                }
            });
        }
        if (!done.await(15, TimeUnit.SECONDS)) {
            clients.forEach(LoadClient::abort);
        }
    }

    private Report report(int connected, Metrics.Window window, DeliveryLedger.Counts counts, ProcessStats start,
                          ProcessStats end, ProcessStats before, ProcessStats idle) {
        if (metrics.errors() > 0) {
            System.err.printf("%s errors: %s%n", settings.server().label(), metrics.errorBreakdown());
        }
        double seconds = window.nanos() / 1e9;
        Histogram h = window.latency();
        boolean any = h.getTotalCount() > 0;
        boolean cpuKnown = start.cpuNanos() >= 0 && end.cpuNanos() >= 0;
        double cpuMs = (end.cpuNanos() - start.cpuNanos()) / 1e6;
        int n = Math.max(1, connected);
        long delivered = counts.received();
        return new Report(settings.server().label(), settings.scenario().label(), settings.transport().label(),
                settings.clients(), connected, seconds, counts.sent(), delivered, askedPerSecond(),
                counts.sent() / seconds, delivered / seconds,
                any ? millis(h, 50) : -1, any ? millis(h, 90) : -1, any ? millis(h, 99) : -1,
                any ? millis(h, 99.9) : -1, any ? h.getMaxValue() / 1000.0 : -1,
                metrics.errors(), metrics.reconnections(), counts.missing(), counts.duplicates(),
                counts.expected(), counts.beforeHold(), counts.afterHold(),
                delivered > 0 && cpuKnown ? cpuMs * 1000 / delivered : -1,
                growth(idle.heapBytes(), before.heapBytes(), 1024.0 * n),
                growth(idle.rssBytes(), before.rssBytes(), 1024.0 * n),
                growth(idle.threads(), before.threads(), n),
                idle.threads(), idle.heapBytes() < 0 ? -1 : idle.heapBytes() / 1024.0 / 1024.0, -1);
    }

    /** @return the send rate asked for, or -1 when clients send on each reply (echo at rate 0) or not at all */
    private double askedPerSecond() {
        return settings.scenario() != Scenario.CONNECT_STORM && settings.rate() > 0 ? settings.rate() : -1;
    }

    /** Growth per connection, or -1 when unknown; a drop (noise with few clients) shows as 0. */
    private static double growth(long after, long before, double divisor) {
        return after < 0 || before < 0 ? -1 : Math.max(0, (after - before) / divisor);
    }

    private static double millis(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
