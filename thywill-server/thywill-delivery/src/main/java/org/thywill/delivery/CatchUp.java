package org.thywill.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;

/**
 * Connections whose transport queue overflowed, catching up from their session's inboxes: their numbered messages
 * are still there, so they are sent again a batch at a time, each batch after the client acknowledged the one
 * before; live numbered messages skip them meanwhile and wait in the inbox, so order holds.
 */
final class CatchUp {

    /** Sends one numbered envelope to one connection. */
    interface Sender {
        void send(ConnectionId connection, String applicationId, Map<String, Object> envelope);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    private static final long CAUGHT_UP = Long.MAX_VALUE;

    /** Per application, the last seq sent to the connection, or {@link #CAUGHT_UP}; and its batch size. */
    private record Progress(Map<String, Long> sent, int batch) {
    }

    private final Map<ConnectionId, Progress> behind = new ConcurrentHashMap<>();
    private final Map<InboxKey, SessionInbox> inboxes;
    private final Sender sender;

    /**
     * @param inboxes the inboxes held in memory
     * @param sender sends to one connection
     */
    CatchUp(Map<InboxKey, SessionInbox> inboxes, Sender sender) {
        this.inboxes = inboxes;
        this.sender = sender;
    }

    /**
     * The connection fell behind: it is sent its session's numbered messages again from the oldest.
     *
     * @param batch how many messages the transport takes at a time for it
     * @param executor where the first batches are sent from: not the transport's queue listener, which holds the
     *                 connection's queue
     */
    void fellBehind(ConnectionId connection, SessionId session, int batch, Executor executor) {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        for (InboxKey key : inboxes.keySet()) {
            if (key.session().equals(session)) {
                sent.put(key.applicationId(), 0L);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        // Fell behind again while catching up (its last batch was dropped too): start again from the oldest.
        Progress progress = new Progress(sent, Math.max(1, batch));
        behind.put(connection, progress);
        executor.execute(() -> sent.keySet().forEach(app -> catchUp(connection, session, app)));
    }

    /** @return whether live numbered messages of the application must skip the connection */
    boolean isBehind(ConnectionId connection, String applicationId) {
        Progress progress = behind.get(connection);
        if (progress == null) {
            return false;
        }
        Long sent = progress.sent().get(applicationId);
        return sent != null && sent != CAUGHT_UP;
    }

    /** The connection acknowledged messages of an application: if it is catching up, it gets the next batch. */
    void acknowledged(ConnectionId connection, SessionId session, String applicationId) {
        if (isBehind(connection, applicationId)) {
            catchUp(connection, session, applicationId);
        }
    }

    /** The connection ended. */
    void ended(ConnectionId connection) {
        behind.remove(connection);
    }

    private void catchUp(ConnectionId connection, SessionId session, String applicationId) {
        Progress progress = behind.get(connection);
        SessionInbox inbox = inboxes.get(new InboxKey(session, applicationId));
        if (progress == null) {
            return;
        }
        Map<String, Long> sent = progress.sent();
        Long after = sent.get(applicationId);
        if (after == null || after == CAUGHT_UP) {
            return;
        }
        if (inbox == null) {
            sent.put(applicationId, CAUGHT_UP);
        } else {
            long last = inbox.catchUp(after, progress.batch(),
                    p -> sender.send(connection, applicationId, p.envelope()),
                    () -> sent.put(applicationId, CAUGHT_UP));
            sent.computeIfPresent(applicationId, (app, seq) -> seq == CAUGHT_UP ? seq : last);
        }
        if (sent.values().stream().allMatch(seq -> seq == CAUGHT_UP)) {
            behind.remove(connection, progress);
            LOG.info("Connection {} caught up with its session's inboxes", connection.value());
        }
    }
}
