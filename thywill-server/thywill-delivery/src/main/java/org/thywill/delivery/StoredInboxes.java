package org.thywill.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxEntry;

/**
 * Reads the Database's copy of the session inboxes: when an inbox is first held here, and when a session arrives
 * here without other connections (servers of a cluster share the Database, so another one may have kept or
 * acknowledged its messages meanwhile). A failed read is logged, never thrown at a send.
 */
final class StoredInboxes {

    private static final Logger LOG = LoggerFactory.getLogger(StoredInboxes.class);
    private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
    };

    private final Inbox store;
    private final ObjectMapper json;

    /**
     * @param store the Database's inbox, or null when inboxes are kept in memory only
     * @param json decodes the stored envelopes
     */
    StoredInboxes(Inbox store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * @param database the Database's inbox, asked for once
     * @return it, or null (with a warning) when the Database keeps no inboxes
     */
    static Inbox durable(Supplier<Inbox> database) {
        try {
            return database.get();
        } catch (ThywillException e) {
            LOG.warn("Session inboxes are kept in memory only, so a restart loses them: {}", e.getMessage());
            return null;
        }
    }

    /** @return a live inbox holding what the Database kept for it */
    SessionInbox load(InboxKey key) {
        List<SessionInbox.Pending> stored = new ArrayList<>();
        if (store != null) {
            try {
                stored = read(key);
            } catch (RuntimeException e) {
                LOG.error("Could not read the stored inbox of a session for {}; messages kept before a restart"
                        + " are not replayed to it now", key.applicationId(), e);
            }
        }
        return new SessionInbox(key, stored);
    }

    /** Re-reads an inbox held here for a session arriving without other connections here. */
    void refresh(SessionInbox inbox) {
        SessionInbox.Snapshot before = inbox.snapshot();
        try {
            int added = inbox.refresh(before, read(inbox.key()), Instant.now());
            if (added > 0) {
                LOG.debug("{} messages of {} for a session were kept by another server", added,
                        inbox.key().applicationId());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not read the stored inbox of a session for {}; messages another server kept for it"
                    + " are not replayed to it now", inbox.key().applicationId(), e);
        }
    }

    private List<SessionInbox.Pending> read(InboxKey key) {
        List<SessionInbox.Pending> stored = new ArrayList<>();
        for (InboxEntry e : store.pending(key.session(), key.applicationId())) {
            Map<String, Object> envelope;
            try {
                envelope = json.readValue(e.envelope(), ENVELOPE);
            } catch (JsonProcessingException bad) {
                LOG.error("Skipped a stored inbox message of {} that is not a JSON object", key.applicationId(),
                        bad);
                continue;
            }
            stored.add(new SessionInbox.Pending(e.seq(), envelope, e.createdAt().toEpochMilli(), null));
        }
        return stored;
    }
}
