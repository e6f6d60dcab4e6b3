package org.thywill.remote.document;

import java.time.Duration;
import java.util.function.Consumer;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;

/**
 * One open page, driven from the server: webalchemy's {@code remotedocument}. Each browser tab that opens an
 * application's page is a document of its own.
 *
 * <p><b>Batches.</b> Operations issued during one callback (a view's {@code start}, an event handler, a read's
 * continuation, an {@link #execute} task) are sent in one message when it returns, and the browser applies them in
 * order within one animation frame, so a page built from hundreds of elements appears at once. Operations issued from
 * any other thread are sent as soon as the document's sequence gets to them, also batched.
 *
 * <p><b>Threading.</b> Every method is thread-safe. Callbacks of one document run one at a time, in order, on the
 * application's worker threads (see the package). Reads return at once; never wait for one inside a callback, since
 * its answer is handled on that same sequence.
 */
public interface RemoteDocument extends Dom {

    /** @return the document's id: its connection's */
    ConnectionId id();

    /** @return its connection: session (the browser), transport, remote address */
    Connection connection();

    /** @return the route shown now, or null before the first view starts */
    PageRequest request();

    /** @return true from the page's start until it closes */
    boolean isOpen();

    /**
     * Attaches to an element the view rendered on the server ({@link View#render}), to change it and listen to it as
     * to one created with {@link #create}: the first element inside the view's container that matches {@code css}
     * when the operation is applied, bound once (unlike {@link #select}, which looks again each time). It belongs to
     * the view, as created elements do. If none matches, the browser skips the operations on it and reports
     * {@code domError}; script-bearing elements ({@code script}, {@code iframe}, ...) are refused there too.
     *
     * @param css a CSS selector, such as {@code #todo} or {@code [data-id="42"]}
     * @return the element
     * @throws IllegalArgumentException if the selector is empty
     * @throws IllegalStateException inside a recorded block
     */
    Element attach(String css);

    /**
     * @param text the page's title, as text
     */
    void title(String text);

    /**
     * Adds a style sheet to the page's head, so an application needs no CSS file.
     *
     * @param css CSS text, written by the application
     */
    void addStyleSheet(String css);

    /**
     * Records operations instead of sending them (webalchemy's {@code begin()} / {@code end()}): every call made on
     * this document and its elements inside {@code recording}, on this thread, goes into the block. Elements created
     * inside exist only while the block runs, a new one each time. Reads, listeners and timers cannot be recorded.
     *
     * @param recording builds the block
     * @return the block, to {@link #run} or replay on a timer
     */
    Block record(Consumer<Dom> recording);

    /**
     * @param block a block this document recorded
     */
    void run(Block block);

    /**
     * @param period how often
     * @param block what the browser does each time, with no round trip
     * @return the timer, to stop
     */
    Timer every(Duration period, Block block);

    /**
     * @param delay how long from when the browser applies this
     * @param block what the browser does then, once
     * @return the timer, to cancel
     */
    Timer after(Duration delay, Block block);

    /**
     * Goes to another route of the application without reloading: the address changes (the back button returns),
     * the route's checks run, and its view replaces this one once the current callback returns.
     *
     * @param path a route such as {@code /items/42}, optionally with {@code ?query}
     */
    void navigate(String path);

    /**
     * Replaces the view shown, without changing the address (pycommunicate's {@code change_view}), once the current
     * callback returns.
     *
     * @param view the view to show
     */
    void show(View view);

    /**
     * Loads another address in the browser: the page is left, and this document closes.
     *
     * @param url an absolute URL, or a path of this server such as {@code /thywill/init/chat/}
     */
    void redirect(String url);

    /** @return every open document of this application in this process */
    OpenDocuments documents();

    /**
     * Messages every other open document of the application (webalchemy's {@code msg_in_proc}).
     *
     * @param message any object, passed as is to their {@link View#onDocumentMessage}
     * @return how many documents it was queued for
     */
    default int broadcast(Object message) {
        return documents().broadcast(message, this);
    }

    /**
     * Runs a task on this document's sequence; the operations it issues go in one batch. The way for code on another
     * thread (a scheduler, another document) to change this page.
     *
     * @param task the task
     */
    void execute(Runnable task);
}
