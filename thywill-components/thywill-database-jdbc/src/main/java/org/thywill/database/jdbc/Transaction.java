package org.thywill.database.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs statements on one connection as one transaction, restoring its auto-commit afterwards. */
final class Transaction {

    /** Statements to run in a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {
    }

    /**
     * @param connection a connection, in auto-commit or not
     * @param work what to run
     * @param <T> what the work returns
     * @return what the work returned, once committed
     * @throws SQLException when the work fails (it is rolled back) or the commit does
     */
    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
