package org.thywill.remote.document;

import java.util.Optional;

/**
 * What one page shows for one route, and how it behaves: a new instance for each document that shows it (create it
 * in a {@link ViewFactory}), so it may keep that page's elements in fields, as a desktop program's window would.
 *
 * <p>Every method runs on its document's own sequence, one at a time, never on a server thread; operations issued in
 * a method are sent to the browser together when it returns. An exception is logged and the document carries on.
 */
public interface View {

    /**
     * The view's first HTML, rendered on the server (pycommunicate's {@code View.render()}), usually from a template:
     * {@code return Optional.of(templates.render("list.mustache", model));}. A view that renders is shown in two
     * steps: its HTML, then {@link #start}, which attaches to the rendered elements
     * ({@link RemoteDocument#attach}) instead of creating them.
     *
     * <p>Called twice for a page loaded from its address: on the HTTP server's thread for the page itself (so the
     * page is readable before its connection is up, and with JavaScript off; that instance is then dropped), and
     * again, on the instance that starts, when the page connects: if the HTML changed in between, it replaces the
     * page's. For a route the page switches to without a reload, it is called once, just before {@link #start}.
     * It may block briefly (a database look-up).
     *
     * @param templates the application's templates
     * @return the HTML, placed in the view's container; empty (the default) for a view that builds everything in
     *         {@link #start}
     * @throws TemplateException from {@link Templates#render}: the page shows its message (template and line)
     * @throws Exception logged; the page shows that it could not be rendered
     */
    default Optional<String> render(Templates templates) throws Exception {
        return Optional.empty();
    }

    /**
     * The view is shown: build it. The view's container ({@link RemoteDocument#root()}) is empty, or holds what
     * {@link #render} returned.
     *
     * @param document the page
     * @throws Exception logged; the page stays as far as it got
     */
    void start(RemoteDocument document) throws Exception;

    /**
     * The page sent a message: a recorded block's {@link Dom#sendToServer}, or a script's {@code thywill.app.send}.
     *
     * @param data the message, a JSON value tree
     * @throws Exception logged
     */
    default void onMessage(Object data) throws Exception {
    }

    /**
     * Another document of this application sent this one a message ({@link OpenDocuments#broadcast},
     * {@link OpenDocuments#send}).
     *
     * @param message the message, any Java object, passed as is
     * @param from the sender, or null when the application sent it from outside any document
     * @throws Exception logged
     */
    default void onDocumentMessage(Object message, RemoteDocument from) throws Exception {
    }

    /**
     * The view is no longer shown. Its elements, listeners and timers are already gone from the page (or the page
     * is).
     *
     * @param why another view replaced it, or the document closed
     */
    default void stop(ViewEnd why) {
    }
}
