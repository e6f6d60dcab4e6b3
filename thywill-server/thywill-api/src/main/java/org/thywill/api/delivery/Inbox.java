package org.thywill.api.delivery;

import java.time.Instant;
import java.util.List;
import org.thywill.api.client.SessionId;

/**
 * The durable side of the session inbox, provided by the Database: messages sent to a session and not yet
 * acknowledged by its client library. The Client Interface keeps the live copy in memory and writes here behind
 * the sends, from one thread, in the order of the changes; it reads here only when a session it does not hold in
 * memory connects or is sent to.
 *
 * <p>Every method may block on the database and throws {@link org.thywill.api.ThywillException} when it fails.
 */
public interface Inbox {

    /**
     * Stores entries; an entry already stored (same session, application and seq) is left as it is.
     *
     * @param entries the entries, in any order
     */
    void store(List<InboxEntry> entries);

    /**
     * Removes the entries of a session and application up to a sequence number: the client acknowledged them,
     * or they expired.
     *
     * @param session the session
     * @param applicationId the application
     * @param upToSeq the highest seq to remove, inclusive
     */
    void remove(SessionId session, String applicationId, long upToSeq);

    /**
     * Removes the acknowledged entries of several sessions at once, as {@link #remove} does for each: the Client
     * Interface's writer gathers the acknowledgements that arrived while it wrote, and a Database does them in one
     * round trip where it can.
     *
     * @param cuts what to remove, at most one per session and application
     */
    default void remove(List<InboxCut> cuts) {
        cuts.forEach(cut -> remove(cut.session(), cut.applicationId(), cut.upToSeq()));
    }

    /**
     * @param session the session
     * @param applicationId the application
     * @return the stored entries of the session for the application, in seq order
     */
    List<InboxEntry> pending(SessionId session, String applicationId);

    /**
     * Removes every entry created before a moment, for every session.
     *
     * @param cutoff entries created before it are removed
     * @return how many were removed
     */
    int removeCreatedBefore(Instant cutoff);
}
