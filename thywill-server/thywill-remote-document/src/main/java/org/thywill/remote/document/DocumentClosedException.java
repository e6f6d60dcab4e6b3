package org.thywill.remote.document;

/** The page closed, or its connection ended, before the browser answered. */
public final class DocumentClosedException extends RemoteDocumentException {

    /** @param message what was asked */
    public DocumentClosedException(String message) {
        super(message);
    }
}
