package org.thywill.remote.document;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * One document without a server or browser: its callbacks run on the calling thread, and what it sends is kept in a
 * {@link FakeContext}, so tests see the exact wire form.
 */
final class DocumentHarness implements AutoCloseable {

    final FakeContext context = new FakeContext();
    final Documents documents = new Documents();
    final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    final DocumentSession document;

    DocumentHarness(Consumer<Routes> routes) {
        this(routes, RemoteDocumentSettings.DEFAULTS);
    }

    DocumentHarness(Consumer<Routes> fill, RemoteDocumentSettings settings) {
        Routes routes = new Routes();
        fill.accept(routes);
        DocumentHost.Hooks hooks = new DocumentHost.Hooks() {
            @Override
            public void opened(RemoteDocument document) {
            }

            @Override
            public void closed(RemoteDocument document) {
            }
        };
        DocumentHost host = new DocumentHost(context.context, routes, settings, Runnable::run, clock, documents, hooks,
                new Templates(DocumentHarness.class.getClassLoader(), "templates/rd-render"));
        Connection connection = new Connection(new ConnectionId("c1"), new SessionId("s1"), "fake", "websocket", "");
        document = documents.connect(connection.id(), id -> new DocumentSession(host, connection));
    }

    /** Delivers a message as the runtime would send it. */
    DocumentHarness receive(Map<String, Object> data) {
        document.receive(Inbound.parse(data));
        return this;
    }

    DocumentHarness start(String path) {
        return receive(Map.of("domStart", Map.of("path", path, "query", "")));
    }

    static RemoteDocumentSettings timeout(Duration readTimeout) {
        return RemoteDocumentSettings.DEFAULTS.withReadTimeout(readTimeout);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
