package org.thywill.remote.document;

import java.util.List;

/**
 * The open documents of one application in this server process: counted, and messaged (webalchemy's
 * {@code msg_in_proc}). A document is open from the moment its page started until it closes. Thread-safe.
 */
public interface OpenDocuments {

    /** @return how many are open now */
    int count();

    /** @return a snapshot of the open documents */
    List<RemoteDocument> list();

    /**
     * Delivers a message to the {@link View#onDocumentMessage} of every open document but one, each on its own
     * sequence; returns at once.
     *
     * @param message any object, passed as is (not serialised)
     * @param from the sender, which does not receive it; or null to reach every document
     * @return how many documents it was queued for
     */
    int broadcast(Object message, RemoteDocument from);
}
