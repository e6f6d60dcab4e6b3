package org.thywill.remote.document;

/** The browser did not answer a read in time (a very busy or frozen page, or a network that dropped). */
public final class ReadTimeoutException extends RemoteDocumentException {

    /** @param message what was read and how long it waited */
    public ReadTimeoutException(String message) {
        super(message);
    }
}
