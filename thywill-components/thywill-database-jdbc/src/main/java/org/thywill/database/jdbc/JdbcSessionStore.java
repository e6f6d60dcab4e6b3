package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;

/**
 * Keeps sessions in {@code thywill_session} with plain JDBC. A session's last activity is the server's clock in
 * epoch milliseconds; finding a session reads it (or nothing, when this server wrote it within the touch interval)
 * and writes it behind, at most once per touch interval, so page loads and polls cost no write each.
 */
final class JdbcSessionStore implements SessionStore {

    private static final String LAST_ACTIVE = "SELECT last_active_ms FROM thywill_session WHERE id = ?";
    private static final String ASSIGN_USER = "UPDATE thywill_session SET user_id = ? WHERE id = ?";
    private static final String SESSIONS_OF = "SELECT id FROM thywill_session WHERE user_id = ? AND last_active_ms > ?"
            + " ORDER BY last_active_ms DESC LIMIT ?";

    private final Supplier<DataSource> dataSource;
    private final SessionIds ids;
    private final FreshSessions fresh;
    private final SessionRowWriter behind;
    private final SessionLifetime lifetime;
    private final SessionActivity activity;
    private final Clock clock;

    /**
     * @param dataSource the pool, looked up at each call since the store exists before the database starts
     * @param ids the maker of new ids
     * @param fresh told of every session created
     * @param behind the writer of the rows of sessions made for connections, and of sessions' activity
     * @param lifetime how long a session lasts without activity
     * @param activity when this server last wrote each session's activity
     * @param clock the time of activity
     */
    JdbcSessionStore(Supplier<DataSource> dataSource, SessionIds ids, FreshSessions fresh, SessionRowWriter behind,
                     SessionLifetime lifetime, SessionActivity activity, Clock clock) {
        this.dataSource = dataSource;
        this.ids = ids;
        this.fresh = fresh;
        this.behind = behind;
        this.lifetime = lifetime;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public SessionId create() {
        String id = ids.next();
        long now = clock.millis();
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement insert = connection.prepareStatement(SessionRowWriter.insertOf(1))) {
            insert.setString(1, id);
            insert.setLong(2, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ThywillException("Could not store a new session: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
        activity.due(id, now);
        fresh.created(id);
        return new SessionId(id);
    }

    @Override
    public SessionId createForConnection() {
        dataSource.get(); // fails now, as create() would, when the database is not started
        String id = ids.next();
        activity.due(id, clock.millis());
        fresh.created(id);
        behind.add(id);
        return new SessionId(id);
    }

    @Override
    public Optional<SessionId> find(String candidate) {
        if (!SessionIds.isWellFormed(candidate)) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (behind.isPending(candidate) || activity.recent(candidate, now)) {
            return Optional.of(new SessionId(candidate)); // active within the touch interval: not yet expired
        }
        Optional<Long> lastActive = lastActive(candidate);
        if (lastActive.isEmpty() || lastActive.get() <= now - lifetime.value().toMillis()) {
            return Optional.empty(); // unknown, or expired and left to the scavenger
        }
        if (activity.due(candidate, now)) {
            behind.touch(candidate);
        }
        return Optional.of(new SessionId(candidate));
    }

    @Override
    public void active(SessionId session) {
        if (activity.due(session.value(), clock.millis())) {
            behind.touch(session.value());
        }
    }

    @Override
    public Optional<Duration> lifetime() {
        return Optional.of(lifetime.value());
    }

    @Override
    public void assignUser(SessionId session, String userId) {
        if (userId.length() > MAX_USER_ID) {
            throw new ThywillException("A user id of " + userId.length() + " characters cannot be stored; the"
                    + " authentication must name users with at most " + MAX_USER_ID + " characters.");
        }
        behind.awaitStored(session.value()); // a session made for a connection may not be written yet
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement update = connection.prepareStatement(ASSIGN_USER)) {
            update.setString(1, userId);
            update.setString(2, session.value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new ThywillException("Could not store a session's user: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
    }

    @Override
    public List<SessionId> sessionsOf(String userId, int limit) {
        if (userId.length() > MAX_USER_ID || limit <= 0) {
            return List.of(); // no such user can have been stored
        }
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement read = connection.prepareStatement(SESSIONS_OF)) {
            read.setString(1, userId);
            read.setLong(2, clock.millis() - lifetime.value().toMillis());
            read.setInt(3, limit);
            List<SessionId> sessions = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    sessions.add(new SessionId(rows.getString(1)));
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw new ThywillException("Could not look up a user's sessions: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
    }

    private Optional<Long> lastActive(String candidate) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement read = connection.prepareStatement(LAST_ACTIVE)) {
            read.setString(1, candidate);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ThywillException("Could not look up a session: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
    }
}
