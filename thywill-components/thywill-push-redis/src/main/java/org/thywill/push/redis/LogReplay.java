package org.thywill.push.redis;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.delivery.AppSession;
import org.thywill.delivery.SessionInboxes;

/**
 * Closes the window of a node's crash. Between a node's death and the moment its sessions are held again (they
 * reconnect to another node, or the node that declares it down takes them over) the messages published to them
 * reach no live node. Every delivery is also kept in the cluster's log, and every node records how far it has
 * handled it; when a node is declared down, each node replays to the dead node's sessions it now holds what the log
 * kept for them after the dead node's position and before this node began to hold them, in the order published.
 */
final class LogReplay {

    private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

    private final String node;
    private final ClusterStore store;
    private final RedisLink link;
    private final ClusterSessions sessions;
    private final SessionInboxes inboxes;
    private final RemoteReceipts receipts;

    /**
     * @param node this node's id
     * @param store the shared state, which keeps the log
     * @param link the connection to Redis
     * @param sessions which sessions this node holds, and since when
     * @param inboxes this node's sessions' inboxes
     * @param receipts answers the senders of messages sent with a receipt
     */
    LogReplay(String node, ClusterStore store, RedisLink link, ClusterSessions sessions, SessionInboxes inboxes,
              RemoteReceipts receipts) {
        this.node = node;
        this.store = store;
        this.link = link;
        this.sessions = sessions;
        this.inboxes = inboxes;
        this.receipts = receipts;
    }

    /**
     * Replays, on the bus's thread, what a dead node's sessions held here may have missed.
     *
     * @param dead the node declared down
     * @param position the last log entry it recorded as handled, or null if it recorded none
     * @param lost its sessions: connected there, or lingering there
     * @return how many deliveries were replayed
     */
    int replay(String dead, String position, List<AppSession> lost) {
        if (position == null) {
            if (!lost.isEmpty()) {
                LOG.warn("Node {} recorded no position in the cluster's log before it went down: messages published"
                        + " to its {} sessions before they were held again are not replayed", dead, lost.size());
            }
            return 0;
        }
        Map<AppSession, String> moved = sessions.heldSinceAfter(lost, position);
        if (moved.isEmpty()) {
            return 0;
        }
        String upTo = moved.values().stream().reduce(position, LogIds::max);
        List<ClusterStore.LogEntry> entries;
        try {
            entries = link.await(store.after(position, upTo, Integer.MAX_VALUE - 1));
        } catch (ThywillException e) {
            LOG.error("{} Messages published to {} sessions of node {} while it was going down are not replayed.",
                    e.getMessage(), moved.size(), dead);
            return 0;
        }
        int replayed = 0;
        for (ClusterStore.LogEntry entry : entries) {
            BusMessage message;
            try {
                message = BusMessage.decode(entry.id(), entry.text());
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipped an entry of the cluster's log that is not Thywill's: {}", e.getMessage());
                continue;
            }
            for (Map.Entry<AppSession, String> held : moved.entrySet()) {
                if (LogIds.compare(entry.id(), held.getValue()) <= 0 && deliver(message, held.getKey())) {
                    replayed++;
                }
            }
        }
        LOG.info("Node {} replayed {} messages, of {} published while node {} was going down, to {} of its sessions"
                + " now held here", node, replayed, entries.size(), dead, moved.size());
        return replayed;
    }

    /** Delivers a logged message to one session, if it was for that session. */
    private boolean deliver(BusMessage message, AppSession target) {
        String applicationId = target.applicationId();
        if (!applicationId.equals(message.text("app"))) {
            return false;
        }
        SessionId session = target.session();
        switch (message.kind()) {
            case SESSION -> {
                if (!session.value().equals(message.text("session"))) {
                    return false;
                }
                return receipts.deliver(message, receipt -> {
                    inboxes.deliver(session, applicationId, message.envelope(), receipt);
                    return true;
                });
            }
            case CHANNEL -> {
                String channel = message.text("channel");
                if (session.value().equals(message.text("exceptSession"))
                        || !sessions.isHeldMember(target, channel)) {
                    return false;
                }
                String exceptConnection = message.text("exceptConnection");
                inboxes.deliverToChannel(List.of(session), applicationId, channel,
                        message.envelope(), exceptConnection == null ? null : new ConnectionId(exceptConnection));
                return true;
            }
            default -> {
                // A connection's messages die with it.
                return false;
            }
        }
    }
}
