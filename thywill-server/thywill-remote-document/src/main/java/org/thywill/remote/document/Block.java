package org.thywill.remote.document;

import java.util.List;

/**
 * Operations recorded once ({@link RemoteDocument#record}) and replayed by the browser, on a timer or on request,
 * without a round trip: webalchemy's {@code begin()} / {@code end()}. Elements a block creates are new each time it
 * runs. Immutable; it belongs to the document that recorded it.
 */
public final class Block {

    private final DocumentOperations owner;
    private final List<List<Object>> operations;

    Block(DocumentOperations owner, List<List<Object>> operations) {
        this.owner = owner;
        this.operations = List.copyOf(operations);
    }

    DocumentOperations owner() {
        return owner;
    }

    List<List<Object>> operations() {
        return operations;
    }

    /** @return how many operations it holds */
    public int size() {
        return operations.size();
    }
}
