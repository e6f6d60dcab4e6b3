package org.thywill.remote.document;

/**
 * What a document is built with: its elements, new ones, elements found by selector, and a message back to the
 * server. A {@link RemoteDocument} is one; inside {@link RemoteDocument#record} the same calls are recorded into a
 * {@link Block} instead of being sent.
 */
public interface Dom {

    /** @return the container of the view shown now: emptied, with its listeners and timers, when the view changes */
    Element root();

    /** @return the page's {@code body}, outside any view */
    Element body();

    /**
     * @param tag an HTML tag name, such as {@code div}
     * @return a new element, not yet in the page: append it somewhere
     */
    Element create(String tag);

    /**
     * @param tag an SVG tag name, such as {@code svg} or {@code circle}
     * @return a new SVG element, not yet in the page
     */
    Element createSvg(String tag);

    /**
     * @param css a CSS selector
     * @return the first element matching it, looked up again by each operation when the browser applies it
     */
    Element select(String css);

    /**
     * When the browser applies this (at once, or each time a recorded block runs), it sends {@code data} to the
     * view's {@link View#onMessage}: webalchemy's {@code rdoc.msg}.
     *
     * @param data a JSON value tree
     */
    void sendToServer(Object data);
}
