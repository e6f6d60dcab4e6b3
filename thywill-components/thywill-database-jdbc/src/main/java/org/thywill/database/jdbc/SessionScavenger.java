package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Deletes expired sessions with their channel memberships and session data (the foreign keys' cascade) and inbox
 * rows, a bounded batch to a transaction, on a thread of its own every {@link SessionLifetime#scavengePeriod()}.
 * Every server of a cluster runs one; two deleting the same rows at once find nothing left to delete.
 */
final class SessionScavenger {

    private static final Logger LOG = LoggerFactory.getLogger(SessionScavenger.class);

    /** The most sessions one transaction deletes. */
    static final int BATCH = 500;

    private static final String OLDEST = "SELECT id FROM thywill_session WHERE last_active_ms < ?"
            + " ORDER BY last_active_ms LIMIT " + BATCH;

    private final Supplier<DataSource> dataSource;
    private final SessionLifetime lifetime;
    private final SessionActivity activity;
    private final Clock clock;
    private volatile ScheduledExecutorService background;

    /**
     * @param dataSource the pool, looked up at each run since the scavenger exists before the database starts
     * @param lifetime how long a session lasts without activity
     * @param activity the sessions this server knows active, pruned every touch interval
     * @param clock the time sessions' activity is compared with
     */
    SessionScavenger(Supplier<DataSource> dataSource, SessionLifetime lifetime, SessionActivity activity,
                     Clock clock) {
        this.dataSource = dataSource;
        this.lifetime = lifetime;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Runs every scavenge period from now on, first after one period, and forgets the sessions this server knows
     * active no longer once per touch interval.
     */
    void start() {
        ScheduledExecutorService scheduler = BackgroundThread.start("thywill-session-scavenger");
        background = scheduler;
        long period = lifetime.scavengePeriod().toMillis();
        scheduler.scheduleWithFixedDelay(this::runInBackground, period, period, TimeUnit.MILLISECONDS);
        // So that it holds the sessions of about two touch intervals at most, whatever the scavenge period.
        long touch = lifetime.touchInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> activity.forgetBefore(clock.millis()), touch, touch,
                TimeUnit.MILLISECONDS);
    }

    /** Stops after the batch under way, if any, while the pool is still open. */
    void stop() {
        ScheduledExecutorService scheduler = background;
        background = null;
        BackgroundThread.stop(scheduler);
    }

    private void runInBackground() {
        try {
            int deleted = 0;
            for (int batch = BATCH; batch == BATCH && background != null; ) {
                batch = deleteBatch();
                deleted += batch;
            }
            if (deleted > 0) {
                LOG.info("Deleted {} session(s) inactive for more than {}", deleted, lifetime.value());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired sessions, trying again in {}: {}", lifetime.scavengePeriod(),
                    e.getMessage());
        }
    }

    /**
     * Deletes the longest inactive sessions past {@link SessionLifetime#kept()}, at most {@link #BATCH}, in one
     * transaction: the sessions (their memberships go with them), then the inbox rows of those it deleted. A
     * session active again between the read and the delete keeps its row and its inbox.
     *
     * @return how many sessions it deleted
     * @throws ThywillException when the database fails
     */
    int deleteBatch() {
        long cutoff = clock.millis() - lifetime.kept().toMillis();
        try (Connection connection = dataSource.get().getConnection()) {
            return Transaction.run(connection, c -> deleteBatch(c, cutoff));
        } catch (SQLException e) {
            throw new ThywillException("Could not delete expired sessions: " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
    }

    private static int deleteBatch(Connection connection, long cutoff) throws SQLException {
        List<String> expired = ids(connection, OLDEST, List.of(), cutoff);
        if (expired.isEmpty()) {
            return 0;
        }
        int deleted = update(connection, "DELETE FROM thywill_session WHERE last_active_ms < ? AND id IN ("
                + marks(expired.size()) + ")", expired, cutoff);
        Set<String> gone = new HashSet<>(expired);
        if (deleted < expired.size()) {
            gone.removeAll(ids(connection, "SELECT id FROM thywill_session WHERE id IN (" + marks(expired.size())
                    + ")", expired, null));
        }
        if (!gone.isEmpty()) {
            update(connection, "DELETE FROM thywill_inbox WHERE session_id IN (" + marks(gone.size()) + ")",
                    new ArrayList<>(gone), null);
        }
        return deleted;
    }

    /** Runs a query with a leading number (if not null) and then ids as parameters, and returns its first column. */
    private static List<String> ids(Connection connection, String sql, List<String> ids, Long first)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, ids, first);
             ResultSet rows = statement.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }
    }

    private static int update(Connection connection, String sql, List<String> ids, Long first) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, ids, first)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<String> ids, Long first)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int index = 1;
            if (first != null) {
                statement.setLong(index++, first);
            }
            for (String id : ids) {
                statement.setString(index++, id);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
