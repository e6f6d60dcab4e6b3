package org.thywill.benchmark.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.websocket.WebSocketContainer;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JSONContext;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee11.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.thywill.benchmark.TransportKind;

/**
 * What every simulated client shares, as CometD's own benchmark does: one thread pool, one HttpClient (with no
 * per-destination connection limit that would queue long polls), one WebSocket container on that HttpClient, one
 * scheduler and one JSON context (Jackson, the cheaper of CometD's two, so the generator leaves more CPU to the
 * server). Thousands of clients then cost sockets and small objects, not threads.
 */
public final class ClientResources implements AutoCloseable {

    private final QueuedThreadPool threads;
    private final HttpClient http;
    private final JakartaWebSocketClientContainer webSocket;
    private final ScheduledExecutorService scheduler;
    private final JSONContext.Client json = new JacksonJSONContextClient();

    private ClientResources(QueuedThreadPool threads, HttpClient http, JakartaWebSocketClientContainer webSocket,
                            ScheduledExecutorService scheduler) {
        this.threads = threads;
        this.http = http;
        this.webSocket = webSocket;
        this.scheduler = scheduler;
    }

    /**
     * @param maxThreads the size of the shared thread pool
     * @return the started resources
     * @throws Exception when Jetty's client cannot start
     */
    public static ClientResources start(int maxThreads) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        threads.setName("load-client");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(65_536);
        http.setMaxRequestsQueuedPerDestination(65_536);
        http.setIdleTimeout(120_000);
        http.setConnectTimeout(15_000);
        // Each BayeuxClient keeps its own cookies; a shared store would make every client one browser.
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.start();
        JakartaWebSocketClientContainer webSocket = new JakartaWebSocketClientContainer(http);
        webSocket.start();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("load-scheduler"));
        return new ClientResources(threads, http, webSocket, scheduler);
    }

    /** @return the scheduler every BayeuxClient and transport shares */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * @param kind WebSocket or long-polling
     * @return a new transport for one client, on the shared resources
     */
    public ClientTransport newTransport(TransportKind kind) {
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, json);
        return switch (kind) {
            case WEBSOCKET -> new WebSocketTransport(options, scheduler, (WebSocketContainer) webSocket);
            case LONG_POLLING -> new JettyHttpClientTransport(null, options, scheduler, http);
        };
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LifeCycle.stop(webSocket);
        LifeCycle.stop(http);
        LifeCycle.stop(threads);
    }
}
