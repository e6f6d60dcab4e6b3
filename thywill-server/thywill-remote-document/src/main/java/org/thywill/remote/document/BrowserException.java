package org.thywill.remote.document;

/** The browser could not do what was asked, for example because no element matched a selector. */
public final class BrowserException extends RemoteDocumentException {

    /** @param message the browser's reason */
    public BrowserException(String message) {
        super(message);
    }
}
