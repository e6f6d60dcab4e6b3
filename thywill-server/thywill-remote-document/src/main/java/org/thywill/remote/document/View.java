package org.thywill.remote.document;

/**
 * What one page shows for one route, and how it behaves: a new instance for each document that shows it (create it
 * in a {@link ViewFactory}), so it may keep that page's elements in fields, as a desktop program's window would.
 *
 * <p>Every method runs on its document's own sequence, one at a time, never on a server thread; operations issued in
 * a method are sent to the browser together when it returns. An exception is logged and the document carries on.
 */
public interface View {

    /**
     * The view is shown: build it. The view's container ({@link RemoteDocument#root()}) is empty.
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
