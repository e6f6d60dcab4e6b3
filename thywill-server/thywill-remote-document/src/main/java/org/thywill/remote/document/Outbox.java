package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations a document issued and has not sent yet: the next batch. Any thread may add; only the document's
 * sequence takes, so batches leave in the order they were filled.
 */
final class Outbox {

    private final Object lock = new Object();
    private List<List<Object>> pending = new ArrayList<>();
    private boolean flushQueued;

    /**
     * @param op an operation
     * @param onSequence whether the caller runs on the document's sequence (which sends when its callback returns)
     * @return true if the caller must queue a task that sends: it is off the sequence and none is queued yet
     */
    boolean add(List<Object> op, boolean onSequence) {
        synchronized (lock) {
            pending.add(op);
            if (onSequence || flushQueued) {
                return false;
            }
            flushQueued = true;
            return true;
        }
    }

    /** @return everything added since the last call, possibly nothing */
    List<List<Object>> take() {
        synchronized (lock) {
            flushQueued = false;
            List<List<Object>> batch = pending;
            pending = new ArrayList<>();
            return batch;
        }
    }
}
