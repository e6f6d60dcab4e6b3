package org.thywill.api.application;

import org.thywill.api.ThywillException;

/**
 * The page's body could not be rendered on the server ({@link Application#renderBody}), with a message meant for the
 * person who opens the page: the server logs it and answers the page with a 500 whose body holds this message (as
 * text) and no stack trace. Say what failed and where, such as {@code "The template templates/todo/list.mustache
 * failed at line 3: ..."}; never put what a browser sent into it.
 */
public class PageRenderException extends ThywillException {

    /** @param message what failed and where, shown to the browser as text */
    public PageRenderException(String message) {
        super(message);
    }

    /**
     * @param message what failed and where, shown to the browser as text
     * @param cause the underlying failure, kept for the log only
     */
    public PageRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
