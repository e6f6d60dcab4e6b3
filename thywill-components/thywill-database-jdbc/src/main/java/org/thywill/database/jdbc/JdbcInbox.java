package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.delivery.InboxCut;
import org.thywill.api.delivery.InboxEntry;

/**
 * Keeps session inboxes in {@code thywill_inbox} with plain JDBC, in plain SQL but for the
 * {@link SqlDialect dialect}'s insert. A batch of entries is one transaction. Messages never name a session: its id is a secret.
 */
final class JdbcInbox implements Inbox {

    /** An entry stored twice (a retried batch) is kept once. */
    private static final String STORE = "INSERT INTO thywill_inbox (session_id, application_id, seq, envelope,"
            + " created_at_ms) VALUES (?, ?, ?, ?, ?)";
    private static final String REMOVE = "DELETE FROM thywill_inbox"
            + " WHERE session_id = ? AND application_id = ? AND seq <= ?";
    private static final String PENDING = "SELECT seq, envelope, created_at_ms FROM thywill_inbox"
            + " WHERE session_id = ? AND application_id = ? ORDER BY seq";
    private static final String EXPIRE = "DELETE FROM thywill_inbox WHERE created_at_ms < ?";

    private final Supplier<DataSource> dataSource;
    private final String store;

    /**
     * @param dataSource the pool, looked up at each call since the store exists before the database starts
     * @param dialect the engine's SQL, for the insert that keeps an entry already stored
     */
    JdbcInbox(Supplier<DataSource> dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.store = dialect.keepingExisting(STORE, "seq");
    }

    @Override
    public void store(List<InboxEntry> entries) {
        inBatch(store, entries, "store " + entries.size() + " inbox messages", (statement, e) -> {
            statement.setString(1, e.session().value());
            statement.setString(2, e.applicationId());
            statement.setLong(3, e.seq());
            statement.setString(4, e.envelope());
            statement.setLong(5, e.createdAt().toEpochMilli());
        });
    }

    @Override
    public void remove(SessionId session, String applicationId, long upToSeq) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(REMOVE)) {
            statement.setString(1, session.value());
            statement.setString(2, applicationId);
            statement.setLong(3, upToSeq);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove acknowledged inbox messages of " + applicationId, e);
        }
    }

    /** Removes every cut in one transaction, as one batch of statements. */
    @Override
    public void remove(List<InboxCut> cuts) {
        inBatch(REMOVE, cuts, "remove the acknowledged inbox messages of " + cuts.size() + " sessions",
                (statement, cut) -> {
                    statement.setString(1, cut.session().value());
                    statement.setString(2, cut.applicationId());
                    statement.setLong(3, cut.upToSeq());
                });
    }

    /** Sets one statement's parameters for an item. */
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Runs a statement once per item, as one batch in one transaction. */
    private <T> void inBatch(String sql, List<T> items, String what, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.get().getConnection()) {
            Transaction.run(connection, c -> {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    for (T item : items) {
                        binder.bind(statement, item);
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    @Override
    public List<InboxEntry> pending(SessionId session, String applicationId) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setString(1, session.value());
            statement.setString(2, applicationId);
            try (ResultSet rows = statement.executeQuery()) {
                List<InboxEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new InboxEntry(session, applicationId, rows.getLong(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3))));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw failure("read the inbox of a session for " + applicationId, e);
        }
    }

    @Override
    public int removeCreatedBefore(Instant cutoff) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(EXPIRE)) {
            statement.setLong(1, cutoff.toEpochMilli());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("expire old inbox messages", e);
        }
    }

    private static ThywillException failure(String what, SQLException e) {
        return new ThywillException("Could not " + what + ": " + e.getMessage()
                + ". Check that the database is reachable.", e);
    }
}
