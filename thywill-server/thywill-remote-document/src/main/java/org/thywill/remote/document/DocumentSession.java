package org.thywill.remote.document;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;

/**
 * One connection's document: it batches operations and sends them when a callback returns, keeps the reads waiting
 * for answers and the listeners of the view shown, and runs every callback on the document's own sequence.
 */
final class DocumentSession extends DocumentOperations {

    private static final System.Logger LOG = System.getLogger(DocumentSession.class.getName());

    /** What a task on the sequence runs. */
    interface Callback {
        void run() throws Exception;
    }

    private final DocumentHost host;
    private final Connection connection;
    private final SerialExecutor sequence;
    private final PendingReads reads;
    private final Listeners listeners = new Listeners();
    private final Navigator navigator;
    private final Outbox outbox = new Outbox();
    private final BrowserErrorLog browserErrors = new BrowserErrorLog(() -> System.nanoTime() / 1_000_000);
    private volatile boolean open;
    private volatile boolean closed;

    DocumentSession(DocumentHost host, Connection connection) {
        this.host = host;
        this.connection = connection;
        this.sequence = new SerialExecutor(host.workers());
        this.reads = new PendingReads(host.clock(), task -> later("read timeout", task::run));
        this.navigator = new Navigator(this, host.routes(), host.templates());
    }

    // --- The sequence -------------------------------------------------------------------------------------------

    /** Runs a callback on the document's sequence, then sends what it issued. */
    void later(String what, Callback callback) {
        try {
            sequence.execute(() -> {
                try {
                    callback.run();
                } catch (Exception | LinkageError e) {
                    failed(what, e);
                } finally {
                    flush();
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The application is stopping; nothing more runs.
        }
    }

    /** Runs a callback here and now, on the sequence, so that one failing callback does not stop the next. */
    void safely(String what, Callback callback) {
        try {
            callback.run();
        } catch (Exception | LinkageError e) {
            failed(what, e);
        }
    }

    void failed(String what, Throwable e) {
        LOG.log(Level.ERROR, "Application '" + host.context().applicationId() + "', document " + connection.id()
                + " (" + navigator.describe() + "): " + what + " failed", e);
    }

    // --- From the browser ---------------------------------------------------------------------------------------

    /** Called on a server thread: queues the message's handling and returns. */
    void receive(Inbound message) {
        later("handling a message", () -> handle(message));
    }

    private void handle(Inbound in) {
        if (closed) {
            return;
        }
        if (in.start() != null) {
            start(in.start());
        }
        if (in.route() != null && open) {
            navigator.route(in.route().path(), in.route().query());
        }
        in.replies().forEach(reads::answer);
        for (Inbound.Event event : in.events()) {
            Listeners.Listener listener = listeners.get(event.listener());
            if (listener != null) {
                safely("the " + listener.type() + " handler", () -> listener.handler().handle(event.event()));
            }
        }
        for (Object message : in.messages()) {
            deliverToView("onMessage", view -> view.onMessage(message));
        }
        if (in.other() != null) {
            deliverToView("onMessage", view -> view.onMessage(in.other()));
        }
        for (String line : browserErrors.lines(in.errors())) {
            LOG.log(Level.WARNING, "Application '" + host.context().applicationId() + "', document "
                    + connection.id() + " (" + navigator.describe() + "): " + line);
        }
    }

    private interface ViewCall {
        void call(View view) throws Exception;
    }

    private void deliverToView(String what, ViewCall call) {
        View view = navigator.view();
        if (view != null) {
            safely(what, () -> call.call(view));
        }
    }

    private void start(Inbound.Route route) {
        if (open) {
            navigator.route(route.path(), route.query());
            return;
        }
        open = true;
        host.documents().opened(this);
        RemoteDocumentSettings settings = host.settings();
        emit(Ops.hello(settings.browserMessagesPerSecond(), settings.browserMaxMessageSize()));
        safely("onDocumentOpened", () -> host.hooks().opened(this));
        navigator.first(route.path(), route.query(), route.rendered());
    }

    /** Queues a message from another document; false if this one is closed. */
    boolean deliver(Object message, RemoteDocument from) {
        if (closed) {
            return false;
        }
        later("onDocumentMessage", () -> {
            if (open) {
                deliverToView("onDocumentMessage", view -> view.onDocumentMessage(message, from));
            }
        });
        return true;
    }

    /** Called on a server thread when the connection ended. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasOpen = open;
        open = false;
        host.documents().closed(this);
        later("closing", () -> {
            reads.failAll(what -> new DocumentClosedException("The page closed before the browser answered the"
                    + " read of " + what + "."));
            navigator.closed();
            listeners.clear();
            if (wasOpen) {
                safely("onDocumentClosed", () -> host.hooks().closed(this));
            }
        });
    }

    // --- Operations ---------------------------------------------------------------------------------------------

    @Override
    void send(List<Object> op) {
        if (!closed && outbox.add(op, sequence.inTask())) {
            later("sending", () -> { });
        }
    }

    /** Sends what is pending as one batch. Runs on the sequence only, so batches leave in order. */
    private void flush() {
        List<List<Object>> batch = outbox.take();
        if (batch.isEmpty() || closed) {
            return;
        }
        if (host.context().send(Target.connection(connection.id()), Ops.batch(batch)).queued() == 0) {
            reads.failAll(what -> new DocumentClosedException("The page's connection is gone: " + what
                    + " cannot be read."));
        }
    }

    @Override
    void newGeneration() {
        super.newGeneration();
        listeners.clear();
    }

    @Override
    CompletionStage<Object> read(Element element, String kind, String name) {
        requireLive("Reads cannot be recorded in a block: a block runs in the browser alone.", element);
        String what = kind.equals("text") ? "the text of an element" : "the " + (kind.equals("attr") ? "attribute"
                : "property") + " '" + name + "'";
        if (closed) {
            return CompletableFuture.failedFuture(new DocumentClosedException("The page closed: " + what
                    + " cannot be read."));
        }
        int id = nextId();
        CompletableFuture<Object> answer = reads.register(id, what, host.settings().readTimeout());
        emit(Ops.read(id, element.ref(), kind, name), element);
        return answer;
    }

    @Override
    void listen(Element element, String type, EventOptions options, EventHandler handler) {
        requireLive("Listeners cannot be recorded in a block: add them outside it.", element);
        int id = nextId();
        listeners.add(new Listeners.Listener(id, element, type, handler));
        emit(Ops.listen(element.ref(), id, type, options), element);
    }

    @Override
    void unlisten(Element element, String type) {
        for (int id : listeners.remove(element, type)) {
            emit(Ops.unlisten(id));
        }
    }

    // --- RemoteDocument -----------------------------------------------------------------------------------------

    @Override
    public ConnectionId id() {
        return connection.id();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public PageRequest request() {
        return navigator.request();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void navigate(String path) {
        Routes.requirePath(path);
        later("navigating to " + path, () -> navigator.navigate(path));
    }

    @Override
    public void show(View view) {
        Objects.requireNonNull(view, "view");
        later("showing a view", () -> navigator.show(view));
    }

    @Override
    public OpenDocuments documents() {
        return host.documents();
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        later("a task", task::run);
    }

    @Override
    public String toString() {
        return "document " + connection.id() + " of '" + host.context().applicationId() + "' at "
                + navigator.describe();
    }
}
