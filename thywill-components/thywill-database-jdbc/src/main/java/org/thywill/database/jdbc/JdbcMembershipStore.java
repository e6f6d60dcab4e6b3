package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.MembershipStore;

/**
 * Keeps channel membership in {@code thywill_channel_member} with plain JDBC, in plain SQL but for the
 * {@link SqlDialect dialect}'s insert. Messages never name a session: its id is a secret, like a password.
 */
final class JdbcMembershipStore implements MembershipStore {

    /** Keeps the first joined_at: a repeated join is not a new membership. */
    private static final String ADD = add("thywill_channel_member", "session_id");

    private static final String REMOVE = remove("thywill_channel_member", "session_id");

    private static final String CHANNELS_OF = channelsOf("thywill_channel_member", "session_id");

    private static final String SESSIONS_IN = "SELECT session_id FROM thywill_channel_member"
            + " WHERE application_id = ? AND channel = ?";

    private static final String ADD_USER = add("thywill_user_member", "user_id");

    private static final String REMOVE_USER = remove("thywill_user_member", "user_id");

    private static final String CHANNELS_OF_USER = channelsOf("thywill_user_member", "user_id");

    private final Supplier<DataSource> dataSource;
    private final FreshSessions fresh;
    private final SessionRowWriter sessionRows;
    private final String add;
    private final String addUser;

    /**
     * @param dataSource the pool, looked up at each call since the store exists before the database starts
     * @param fresh the sessions just created, whose channels need no query
     * @param sessionRows the writer of new sessions' rows, which a membership row refers to
     * @param dialect the engine's SQL, for the insert that keeps a membership already stored
     */
    JdbcMembershipStore(Supplier<DataSource> dataSource, FreshSessions fresh, SessionRowWriter sessionRows,
                        SqlDialect dialect) {
        this.dataSource = dataSource;
        this.fresh = fresh;
        this.sessionRows = sessionRows;
        this.add = dialect.keepingExisting(ADD, "joined_at");
        this.addUser = dialect.keepingExisting(ADD_USER, "joined_at");
    }

    @Override
    public void add(String applicationId, String channel, SessionId session) {
        fresh.forget(session.value());
        sessionRows.awaitStored(session.value());
        update(add, "store a session's membership of channel '" + channel + "' of " + applicationId,
                applicationId, channel, session.value());
    }

    @Override
    public boolean remove(String applicationId, String channel, SessionId session) {
        return update(REMOVE, "remove a session from channel '" + channel + "' of " + applicationId,
                applicationId, channel, session.value()) > 0;
    }

    @Override
    public Set<String> channelsOf(String applicationId, SessionId session) {
        if (fresh.fresh(session.value())) {
            return Set.of();
        }
        return Set.copyOf(query(CHANNELS_OF, "read the channels of a session in " + applicationId, applicationId,
                session.value()));
    }

    @Override
    public Set<SessionId> sessionsIn(String applicationId, String channel) {
        Set<SessionId> sessions = new HashSet<>();
        for (String id : query(SESSIONS_IN, "read the members of channel '" + channel + "' of " + applicationId,
                applicationId, channel)) {
            sessions.add(new SessionId(id));
        }
        return Set.copyOf(sessions);
    }

    @Override
    public void addUser(String applicationId, String channel, String userId) {
        update(addUser, "store a user's membership of channel '" + channel + "' of " + applicationId,
                applicationId, channel, userId);
    }

    @Override
    public boolean removeUser(String applicationId, String channel, String userId) {
        return update(REMOVE_USER, "remove a user from channel '" + channel + "' of " + applicationId,
                applicationId, channel, userId) > 0;
    }

    @Override
    public Set<String> channelsOfUser(String applicationId, String userId) {
        return Set.copyOf(query(CHANNELS_OF_USER, "read the channels of a user in " + applicationId, applicationId,
                userId));
    }

    /** Sessions and users are members alike: only the table and the member's column differ. */
    private static String add(String table, String member) {
        return "INSERT INTO " + table + " (application_id, channel, " + member
                + ", joined_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3))";
    }

    private static String remove(String table, String member) {
        return "DELETE FROM " + table + " WHERE application_id = ? AND channel = ? AND " + member + " = ?";
    }

    private static String channelsOf(String table, String member) {
        return "SELECT channel FROM " + table + " WHERE application_id = ? AND " + member + " = ?";
    }

    private int update(String sql, String what, String... parameters) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Set<String> query(String sql, String what, String... parameters) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static ThywillException failure(String what, SQLException e) {
        return new ThywillException("Could not " + what + ": " + e.getMessage()
                + ". Check that the database is reachable.", e);
    }
}
