package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;

/**
 * Keeps sessions in {@code thywill_session} with plain JDBC. Times come from the database's clock, so the server's
 * and the JVM's time zones never meet.
 */
final class JdbcSessionStore implements SessionStore {

    private static final String INSERT = "INSERT INTO thywill_session (id, created_at, last_seen_at)"
            + " VALUES (?, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))";

    /**
     * Counts matched rows, not changed ones: Connector/J reports found rows unless the URL sets
     * {@code useAffectedRows=true}, which this store does not support.
     */
    private static final String TOUCH = "UPDATE thywill_session SET last_seen_at = CURRENT_TIMESTAMP(3) WHERE id = ?";

    private final Supplier<DataSource> dataSource;
    private final SessionIds ids;
    private final FreshSessions fresh;
    private final SessionRowWriter behind;

    /**
     * @param dataSource the pool, looked up at each call since the store exists before the database starts
     * @param ids the maker of new ids
     * @param fresh told of every session created
     * @param behind the writer of the rows of sessions made for connections
     */
    JdbcSessionStore(Supplier<DataSource> dataSource, SessionIds ids, FreshSessions fresh, SessionRowWriter behind) {
        this.dataSource = dataSource;
        this.ids = ids;
        this.fresh = fresh;
        this.behind = behind;
    }

    @Override
    public SessionId create() {
        String id = ids.next();
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ThywillException("Could not store a new session: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
        fresh.created(id);
        return new SessionId(id);
    }

    @Override
    public SessionId createForConnection() {
        dataSource.get(); // fails now, as create() would, when the database is not started
        String id = ids.next();
        fresh.created(id);
        behind.add(id);
        return new SessionId(id);
    }

    @Override
    public Optional<SessionId> find(String candidate) {
        if (!SessionIds.isWellFormed(candidate)) {
            return Optional.empty();
        }
        if (behind.isPending(candidate)) {
            return Optional.of(new SessionId(candidate)); // created a moment ago: last seen now, when written
        }
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement touch = connection.prepareStatement(TOUCH)) {
            touch.setString(1, candidate);
            return touch.executeUpdate() == 1 ? Optional.of(new SessionId(candidate)) : Optional.empty();
        } catch (SQLException e) {
            throw new ThywillException("Could not look up a session: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
    }
}
