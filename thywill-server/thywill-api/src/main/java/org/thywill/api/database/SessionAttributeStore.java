package org.thywill.api.database;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.thywill.api.client.SessionId;

/**
 * The stored side of {@link org.thywill.api.session.SessionData}: each session's attributes per application, as
 * JSON text, kept in the database so that every node of a cluster shares them, and deleted with their session when
 * it expires. The typed view over it belongs to the Application Interface.
 *
 * <p>Thread-safe; each call is a query or two. Failures throw {@link org.thywill.api.ThywillException} saying what
 * to check or what to change.
 */
public interface SessionAttributeStore {

    /**
     * @param applicationId the application owning the attribute
     * @param session the session
     * @param name the attribute's name
     * @return its JSON text, or empty if it is not set
     */
    Optional<String> get(String applicationId, SessionId session, String name);

    /**
     * Sets an attribute's JSON text, replacing any other.
     *
     * @param applicationId the application owning the attribute
     * @param session the session
     * @param name the attribute's name
     * @param json the value's JSON text
     * @throws org.thywill.api.ThywillException if the text passes the size cap, a new attribute passes the count
     *                                          cap (each message names the cap and its setting), or the session does
     *                                          not exist
     */
    void put(String applicationId, SessionId session, String name, String json);

    /**
     * @param applicationId the application owning the attribute
     * @param session the session
     * @param name the attribute's name
     * @return true if there was an attribute to remove
     */
    boolean remove(String applicationId, SessionId session, String name);

    /**
     * Changes an attribute atomically across every node sharing the database: reads it, applies the change, and
     * writes the result only if nobody wrote the attribute meanwhile; otherwise reads it again and applies the change
     * again.
     *
     * @param applicationId the application owning the attribute
     * @param session the session
     * @param name the attribute's name
     * @param change from the current JSON text, or null when unset, to the new text, or null to remove it
     * @return the text written, or null if the attribute was removed (or stayed unset)
     * @throws org.thywill.api.ThywillException as {@link #put} does, or if other writers kept winning for many
     *                                          tries in a row
     */
    String update(String applicationId, SessionId session, String name, UnaryOperator<String> change);
}
