package org.thywill.remote.document;

import org.thywill.api.ThywillException;

/** Why something asked of a page's browser did not happen; the message says what and what to do. */
public class RemoteDocumentException extends ThywillException {

    /** @param message what went wrong */
    public RemoteDocumentException(String message) {
        super(message);
    }
}
