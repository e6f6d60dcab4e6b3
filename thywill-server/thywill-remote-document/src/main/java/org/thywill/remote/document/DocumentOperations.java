package org.thywill.remote.document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a document writes, apart from how it is sent: operations on its elements, blocks recorded instead of sent
 * and timers that run them, each checked against the block and the view its elements belong to.
 * {@link DocumentSession} sends the operations and handles what comes back.
 */
abstract class DocumentOperations implements RemoteDocument {

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    /** Operations recorded for a block instead of being sent, with the block's own element slots. */
    private static final class Recording {
        final List<List<Object>> operations = new ArrayList<>();
        int locals;
    }

    private final ThreadLocal<Recording> recording = new ThreadLocal<>();
    private final AtomicInteger handles = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int generation;

    /** @param op an operation to send, not recorded in a block */
    abstract void send(List<Object> op);

    /** Asks the browser for an element's text, attribute or property; see {@link Element#text()}. */
    abstract CompletionStage<Object> read(Element element, String kind, String name);

    /** Listens to an element's events; see {@link Element#on}. */
    abstract void listen(Element element, String type, EventOptions options, EventHandler handler);

    /** Stops listening to an element's events of one type. */
    abstract void unlisten(Element element, String type);

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
        } else {
            send(op);
        }
    }

    /**
     * For what only a live document can do (reads, listeners): refuses while a block is recorded on this thread,
     * and checks that the element belongs to no block and to the view shown.
     *
     * @param what what cannot be recorded, and what to do instead
     * @param element the element it is about
     */
    void requireLive(String what, Element element) {
        if (recording.get() != null) {
            throw new IllegalStateException(what);
        }
        check(element, null);
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

    /** @return a new id for a read, a listener or a timer */
    int nextId() {
        return ids.incrementAndGet();
    }

    /** Starts a new view generation: elements of the old view are void from now on. */
    void newGeneration() {
        generation++;
    }

    Element element(Object ref, boolean handle) {
        return new Element(this, ref, handle ? generation : -1, null);
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
        int id = nextId();
        emit(Ops.timer(id, period.toMillis(), repeat, block.operations()));
        return new Timer(this, id, period);
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
    public void redirect(String url) {
        if (url == null || url.isBlank() || ScriptPolicy.isScriptUrl(url)) {
            throw new IllegalArgumentException("Not an address to redirect to: '" + url + "'.");
        }
        emit(Ops.redirect(url));
    }
}
