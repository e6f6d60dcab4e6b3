package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Writes the rows of sessions made for connections that came without a session cookie: behind the handshake, many
 * rows to a statement, so that a storm of such connections does not wait for one commit each. Nothing outside this
 * server can name such a session before its row exists (its id was never handed out as a cookie), and what refers
 * to the row in the database, a channel membership, has it written first ({@link #awaitStored}). Writes sessions'
 * activity the same way ({@link #touch}): many sessions to one statement, behind the page load or poll.
 */
final class SessionRowWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRowWriter.class);

    /** The most rows one statement inserts. */
    static final int BATCH = 200;

    private static final long RETRY_MILLIS = 1_000;

    private final Supplier<DataSource> dataSource;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final Set<String> touches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile ScheduledExecutorService background;

    /**
     * @param dataSource the pool, looked up at each write since the writer exists before the database starts
     * @param clock the time written as a session's last activity
     */
    SessionRowWriter(Supplier<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Starts writing in the background; rows added before are written by the first write. */
    void start() {
        background = BackgroundThread.start("thywill-session-rows");
        schedule(0);
    }

    /** Writes every row still waiting, while the pool is open, and stops the background writer. */
    void stop() {
        ScheduledExecutorService writer = background;
        background = null;
        BackgroundThread.stop(writer);
        try {
            writeAll();
        } catch (ThywillException e) {
            LOG.warn("{} new session(s) and the activity of {} were not stored before the database stopped: {}",
                    pending.size(), touches.size(), e.getMessage());
        }
    }

    /** @param id a new session's id, whose row is written soon after, with others */
    void add(String id) {
        pending.add(id);
        queue.add(id);
        schedule(0);
    }

    /** @param id a session active now, whose last activity is written soon after, with others */
    void touch(String id) {
        touches.add(id);
        schedule(0);
    }

    /** @return whether the session's row is still to be written */
    boolean isPending(String id) {
        return pending.contains(id);
    }

    /**
     * Returns once the session's row is in the database, writing it (and every other waiting row) now if need be.
     *
     * @param id a session's id
     * @throws ThywillException when the database cannot take the row
     */
    void awaitStored(String id) {
        if (pending.contains(id)) {
            writeAll();
        }
    }

    private void schedule(long delayMillis) {
        ScheduledExecutorService writer = background;
        if (writer != null && scheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::writeInBackground, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                scheduled.set(false);
            }
        }
    }

    private void writeInBackground() {
        scheduled.set(false);
        try {
            writeAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} new session(s) and the activity of {}, trying again in {} ms: {}",
                    pending.size(), touches.size(), RETRY_MILLIS, e.getMessage());
            schedule(RETRY_MILLIS);
        }
    }

    /** Writes every waiting row, then every waiting activity: a touch of a row just inserted changes nothing. */
    void writeAll() {
        writing.lock();
        try {
            List<String> batch = new ArrayList<>(BATCH);
            for (String id = queue.poll(); id != null; id = queue.poll()) {
                batch.add(id);
                if (batch.size() == BATCH) {
                    insert(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                insert(batch);
                batch.clear();
            }
            for (String id : touches) {
                touches.remove(id);
                batch.add(id);
                if (batch.size() == BATCH) {
                    touch(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                touch(batch);
            }
        } finally {
            writing.unlock();
        }
    }

    /** Inserts the rows in one statement, or puts them back in the queue for the next write. */
    private void insert(List<String> batch) {
        long now = clock.millis();
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement insert = connection.prepareStatement(insertOf(batch.size()))) {
            for (int i = 0; i < batch.size(); i++) {
                insert.setString(2 * i + 1, batch.get(i));
                insert.setLong(2 * i + 2, now);
            }
            insert.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            queue.addAll(batch);
            throw new ThywillException("Could not store " + batch.size() + " new session(s): " + e.getMessage()
                    + ". Check that the database is reachable.", e);
        }
        batch.forEach(pending::remove);
    }

    /** Sets the sessions' last activity to now in one statement, or puts them back for the next write. */
    private void touch(List<String> batch) {
        long now = clock.millis();
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement update = connection.prepareStatement(touchOf(batch.size()))) {
            update.setLong(1, now);
            for (int i = 0; i < batch.size(); i++) {
                update.setString(i + 2, batch.get(i));
            }
            update.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            touches.addAll(batch);
            throw new ThywillException("Could not store the activity of " + batch.size() + " session(s): "
                    + e.getMessage() + ". Check that the database is reachable.", e);
        }
    }

    static String insertOf(int rows) {
        return "INSERT INTO thywill_session (id, created_at, last_active_ms) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, CURRENT_TIMESTAMP(3), ?)"));
    }

    private static String touchOf(int rows) {
        return "UPDATE thywill_session SET last_active_ms = ? WHERE id IN ("
                + String.join(", ", Collections.nCopies(rows, "?")) + ")";
    }
}
