package org.thywill.remote.document;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;

/**
 * One connection's document: it batches operations and sends them when a callback returns, keeps the reads waiting
 * for answers and the listeners of the view shown, and runs every callback on the document's own sequence.
 */
final class DocumentSession implements RemoteDocument {

    private static final System.Logger LOG = System.getLogger(DocumentSession.class.getName());
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    /** What a task on the sequence runs. */
    interface Callback {
        void run() throws Exception;
    }

    /** Operations recorded for a block instead of being sent, with the block's own element slots. */
    private static final class Recording {
        final List<List<Object>> operations = new ArrayList<>();
        int locals;
    }

    private final DocumentHost host;
    private final Connection connection;
    private final SerialExecutor sequence;
    private final PendingReads reads;
    private final Listeners listeners = new Listeners();
    private final ThreadLocal<Recording> recording = new ThreadLocal<>();
    private final AtomicInteger handles = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Navigator navigator;
    private final Outbox outbox = new Outbox();
    private final BrowserErrorLog browserErrors = new BrowserErrorLog(() -> System.nanoTime() / 1_000_000);
    private volatile int generation;
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

    void emit(List<Object> op) {
        add(op, recording.get());
    }

    void emit(List<Object> op, Element target) {
        Recording r = recording.get();
        check(target, r);
        add(op, r);
    }

    void emit(List<Object> op, Element target, Element other) {
        Recording r = recording.get();
        check(target, r);
        check(other, r);
        add(op, r);
    }

    private void add(List<Object> op, Recording r) {
        if (r != null) {
            r.operations.add(op);
            return;
        }
        if (!closed && outbox.add(op, sequence.inTask())) {
            later("sending", () -> { });
        }
    }

    private void check(Element element, Recording r) {
        if (element.recording() != null && element.recording() != r) {
            throw new IllegalStateException("This element was created inside a recorded block, so it exists only"
                    + " while the block runs in the browser: use it inside that block.");
        }
        if (element.generation() >= 0 && element.generation() != generation) {
            throw new IllegalStateException("This element belongs to a view that is no longer shown: a view's"
                    + " elements are gone once another view replaces it.");
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

    /** Starts a new view generation: elements and listeners of the old view are void from now on. */
    void newGeneration() {
        generation++;
        listeners.clear();
    }

    Element element(Object ref, boolean handle) {
        return new Element(this, ref, handle ? generation : -1, null);
    }

    CompletionStage<Object> read(Element element, String kind, String name) {
        if (recording.get() != null) {
            throw new IllegalStateException("Reads cannot be recorded in a block: a block runs in the browser alone.");
        }
        check(element, null);
        String what = kind.equals("text") ? "the text of an element" : "the " + (kind.equals("attr") ? "attribute"
                : "property") + " '" + name + "'";
        if (closed) {
            return CompletableFuture.failedFuture(new DocumentClosedException("The page closed: " + what
                    + " cannot be read."));
        }
        int id = ids.incrementAndGet();
        CompletableFuture<Object> answer = reads.register(id, what, host.settings().readTimeout());
        emit(Ops.read(id, element.ref(), kind, name), element);
        return answer;
    }

    void listen(Element element, String type, EventOptions options, EventHandler handler) {
        if (recording.get() != null) {
            throw new IllegalStateException("Listeners cannot be recorded in a block: add them outside it.");
        }
        check(element, null);
        int id = ids.incrementAndGet();
        listeners.add(new Listeners.Listener(id, element, type, handler));
        emit(Ops.listen(element.ref(), id, type, options), element);
    }

    void unlisten(Element element, String type) {
        for (int id : listeners.remove(element, type)) {
            emit(Ops.unlisten(id));
        }
    }

    private Element create(String tag, boolean svg) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("Not a tag name: '" + tag + "'.");
        }
        ScriptPolicy.checkElement(tag);
        Recording r = recording.get();
        Element element;
        if (r != null) {
            element = new Element(this, Ops.local(r.locals++), -1, r);
        } else {
            element = element(handles.incrementAndGet(), true);
        }
        emit(Ops.create(element.ref(), tag, svg), element);
        return element;
    }

    private Timer timer(Duration period, Block block, boolean repeat) {
        Objects.requireNonNull(period, "period");
        if (block.owner() != this) {
            throw new IllegalArgumentException("That block was recorded by another document.");
        }
        if (recording.get() != null) {
            throw new IllegalStateException("Timers cannot be started inside a recorded block.");
        }
        if (period.toMillis() < (repeat ? 10 : 0)) {
            throw new IllegalArgumentException("A timer's period is at least 10 ms, not " + period + ".");
        }
        int id = ids.incrementAndGet();
        emit(Ops.timer(id, period.toMillis(), repeat, block.operations()));
        return new Timer(this, id, period);
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
    public Element root() {
        return element(Ops.ROOT, false);
    }

    @Override
    public Element body() {
        return element(Ops.BODY, false);
    }

    @Override
    public Element create(String tag) {
        return create(tag, false);
    }

    @Override
    public Element createSvg(String tag) {
        return create(tag, true);
    }

    @Override
    public Element attach(String css) {
        if (css == null || css.isBlank()) {
            throw new IllegalArgumentException("A selector is not empty.");
        }
        if (recording.get() != null) {
            throw new IllegalStateException("attach cannot be recorded in a block: attach outside it.");
        }
        Element element = element(handles.incrementAndGet(), true);
        emit(Ops.attach(element.ref(), css), element);
        return element;
    }

    @Override
    public Element select(String css) {
        if (css == null || css.isBlank()) {
            throw new IllegalArgumentException("A selector is not empty.");
        }
        return element(Ops.selector(css), false);
    }

    @Override
    public void sendToServer(Object data) {
        emit(Ops.send(data));
    }

    @Override
    public void title(String text) {
        emit(Ops.title(Objects.requireNonNull(text, "text")));
    }

    @Override
    public void addStyleSheet(String css) {
        emit(Ops.styleSheet(Objects.requireNonNull(css, "css")));
    }

    @Override
    public Block record(Consumer<Dom> recorder) {
        if (recording.get() != null) {
            throw new IllegalStateException("Blocks do not nest: finish one recording before starting another.");
        }
        Recording r = new Recording();
        recording.set(r);
        try {
            recorder.accept(this);
        } finally {
            recording.remove();
        }
        return new Block(this, r.operations);
    }

    @Override
    public void run(Block block) {
        if (block.owner() != this) {
            throw new IllegalArgumentException("That block was recorded by another document.");
        }
        emit(Ops.run(block.operations()));
    }

    @Override
    public Timer every(Duration period, Block block) {
        return timer(period, block, true);
    }

    @Override
    public Timer after(Duration delay, Block block) {
        return timer(delay, block, false);
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
    public void redirect(String url) {
        if (url == null || url.isBlank() || ScriptPolicy.isScriptUrl(url)) {
            throw new IllegalArgumentException("Not an address to redirect to: '" + url + "'.");
        }
        emit(Ops.redirect(url));
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
