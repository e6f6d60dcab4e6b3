package org.thywill.database.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionAttributeStore;

/**
 * Keeps session data in {@code thywill_session_attribute} with plain JDBC, in SQL every engine accepts. An atomic
 * update is an optimistic one: each write of a row raises its revision, and a write conditional on the revision it
 * read finds no row when another node wrote in between, so the update reads again. No row lock is held across the
 * application's function, and a node that dies mid-update leaves nothing locked.
 */
final class JdbcSessionAttributeStore implements SessionAttributeStore {

    /** How many times an update reads again after losing to another writer before it gives up. */
    static final int MAX_TRIES = 100;

    private static final String KEY = " WHERE session_id = ? AND application_id = ? AND name = ?";
    private static final String READ = "SELECT value_json, revision FROM thywill_session_attribute" + KEY;
    private static final String COUNT = "SELECT COUNT(*) FROM thywill_session_attribute"
            + " WHERE session_id = ? AND application_id = ?";
    private static final String INSERT = "INSERT INTO thywill_session_attribute"
            + " (value_json, session_id, application_id, name, revision) VALUES (?, ?, ?, ?, 1)";
    private static final String OVERWRITE = "UPDATE thywill_session_attribute SET value_json = ?,"
            + " revision = revision + 1" + KEY;
    private static final String WRITE_IF = OVERWRITE + " AND revision = ?";
    private static final String DELETE = "DELETE FROM thywill_session_attribute" + KEY;
    private static final String DELETE_IF = DELETE + " AND revision = ?";

    /** One attribute's stored text and revision. */
    private record Stored(String json, long revision) {
    }

    private final Supplier<DataSource> dataSource;
    private final SessionRowWriter sessionRows;
    private final SessionDataLimits limits;

    /**
     * @param dataSource the pool, looked up at each call since the store exists before the database starts
     * @param sessionRows the writer of new sessions' rows, which an attribute's row refers to
     * @param limits the caps on a value's size and on a session's attributes
     */
    JdbcSessionAttributeStore(Supplier<DataSource> dataSource, SessionRowWriter sessionRows, SessionDataLimits limits) {
        this.dataSource = dataSource;
        this.sessionRows = sessionRows;
        this.limits = limits;
    }

    @Override
    public Optional<String> get(String applicationId, SessionId session, String name) {
        try (Connection connection = dataSource.get().getConnection()) {
            return Optional.ofNullable(read(connection, applicationId, session, name)).map(Stored::json);
        } catch (SQLException e) {
            throw failure("read", applicationId, name, e);
        }
    }

    @Override
    public void put(String applicationId, SessionId session, String name, String json) {
        Objects.requireNonNull(json, "json");
        checkSize(applicationId, name, json);
        sessionRows.awaitStored(session.value());
        try (Connection connection = dataSource.get().getConnection()) {
            for (int tries = 0; tries < MAX_TRIES; tries++) {
                if (write(connection, OVERWRITE, json, applicationId, session, name, null)
                        || insert(connection, applicationId, session, name, json)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure("store", applicationId, name, e);
        }
        throw contended(applicationId, name);
    }

    @Override
    public boolean remove(String applicationId, SessionId session, String name) {
        try (Connection connection = dataSource.get().getConnection()) {
            return write(connection, DELETE, null, applicationId, session, name, null);
        } catch (SQLException e) {
            throw failure("remove", applicationId, name, e);
        }
    }

    @Override
    public String update(String applicationId, SessionId session, String name, UnaryOperator<String> change) {
        sessionRows.awaitStored(session.value());
        try (Connection connection = dataSource.get().getConnection()) {
            for (int tries = 0; tries < MAX_TRIES; tries++) {
                Stored current = read(connection, applicationId, session, name);
                String next = change.apply(current == null ? null : current.json());
                if (next != null) {
                    checkSize(applicationId, name, next);
                }
                if (current == null ? next == null || insert(connection, applicationId, session, name, next)
                        : write(connection, next == null ? DELETE_IF : WRITE_IF, next, applicationId, session,
                        name, current.revision())) {
                    return next;
                }
            }
        } catch (SQLException e) {
            throw failure("update", applicationId, name, e);
        }
        throw contended(applicationId, name);
    }

    private static Stored read(Connection connection, String applicationId, SessionId session, String name)
            throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            key(read, 1, applicationId, session, name);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? new Stored(row.getString(1), row.getLong(2)) : null;
            }
        }
    }

    /**
     * Runs an UPDATE or DELETE of one attribute: the value (if not null) comes first, then the key, then the
     * revision (if not null).
     *
     * @return whether it changed the row
     */
    private static boolean write(Connection connection, String sql, String json, String applicationId,
                                 SessionId session, String name, Long revision) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            int index = 1;
            if (json != null) {
                write.setString(index++, json);
            }
            index = key(write, index, applicationId, session, name);
            if (revision != null) {
                write.setLong(index, revision);
            }
            return write.executeUpdate() > 0;
        }
    }

    /**
     * Inserts a new attribute at revision 1, within the count cap.
     *
     * @return true if inserted; false if another writer inserted it first (so the caller reads again)
     * @throws ThywillException when the cap is reached or the session does not exist
     */
    private boolean insert(Connection connection, String applicationId, SessionId session, String name,
                           String json) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, session.value());
            count.setString(2, applicationId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                if (row.getInt(1) >= limits.maxAttributes()) {
                    throw new ThywillException("Could not store session attribute '" + name + "' of application '"
                            + applicationId + "': the session already holds " + limits.maxAttributes()
                            + " attributes there, the most database." + SessionDataLimits.MAX_ATTRIBUTES_KEY
                            + " allows. Remove attributes it no longer needs, or raise the setting.");
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, json);
            key(insert, 2, applicationId, session, name);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            if (read(connection, applicationId, session, name) != null) {
                return false; // another tab or node inserted it first: read its value and try again
            }
            throw new ThywillException("Could not store session attribute '" + name + "' of application '"
                    + applicationId + "': the session no longer exists (it expired). A page load gives the"
                    + " browser a new session.", e);
        }
    }

    private static int key(PreparedStatement statement, int first, String applicationId, SessionId session,
                           String name) throws SQLException {
        statement.setString(first, session.value());
        statement.setString(first + 1, applicationId);
        statement.setString(first + 2, name);
        return first + 3;
    }

    private void checkSize(String applicationId, String name, String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            throw new ThywillException("Could not store session attribute '" + name + "' of application '"
                    + applicationId + "': its JSON is " + bytes + " bytes, more than the " + limits.maxBytes()
                    + " database." + SessionDataLimits.MAX_BYTES_KEY + " allows. Store less in the session (an id"
                    + " of a row in the application's own table, say), or raise the setting.");
        }
    }

    private static ThywillException contended(String applicationId, String name) {
        return new ThywillException("Could not update session attribute '" + name + "' of application '"
                + applicationId + "': other writers changed it first " + MAX_TRIES + " times in a row. Update"
                + " one attribute from fewer places at once.");
    }

    private static ThywillException failure(String what, String applicationId, String name, SQLException e) {
        return new ThywillException("Could not " + what + " session attribute '" + name + "' of application '"
                + applicationId + "': " + e.getMessage() + ". Check that the database is reachable.", e);
    }
}
