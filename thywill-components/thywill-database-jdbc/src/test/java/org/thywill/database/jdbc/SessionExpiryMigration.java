package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.thywill.api.client.SessionId;
import org.thywill.api.metrics.Metrics;

/**
 * Checks that migration V4 keeps the sessions of a database written by the version before it: each session's last
 * activity is the time it was last seen, so a session seen a day ago lives on and one idle past the lifetime ends.
 */
final class SessionExpiryMigration {

    private SessionExpiryMigration() {
    }

    /** @param target an empty database */
    static void check(JdbcTarget target) throws Exception {
        SessionIds ids = new SessionIds(new SecureRandom());
        String recent = ids.next();
        String stale = ids.next();
        HikariDataSource before = ConnectionPool.openForMigration(target);
        try {
            Flyway.configure(SessionExpiryMigration.class.getClassLoader()).dataSource(before)
                    .locations(target.dialect().migrations()).table(SchemaMigration.HISTORY_TABLE).target("3")
                    .load().migrate();
            try (Connection connection = before.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO thywill_session (id, last_seen_at) VALUES ('" + recent
                        + "', CURRENT_TIMESTAMP(3) - INTERVAL '1' DAY), ('" + stale
                        + "', CURRENT_TIMESTAMP(3) - INTERVAL '31' DAY)");
            }
        } finally {
            before.close(); // no SHUTDOWN: an in-memory H2 keeps its data for the next pool
        }
        JdbcDatabase database = new JdbcDatabase(target, SessionLifetime.of(null), new SecureRandom(),
                Metrics.none(), Clock.systemUTC());
        database.start();
        try {
            long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
            try (Connection connection = database.dataSource().getConnection();
                 PreparedStatement read = connection.prepareStatement(
                         "SELECT last_active_ms FROM thywill_session WHERE id = ?")) {
                read.setString(1, recent);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    long lastActive = row.getLong(1);
                    assertTrue(Math.abs(lastActive - dayAgo) < 10_000,
                            "last seen a day ago: " + lastActive + " vs " + dayAgo);
                }
            }
            assertEquals(Optional.of(new SessionId(recent)), database.sessions().find(recent));
            assertEquals(Optional.empty(), database.sessions().find(stale), "idle for 31 days: expired");
        } finally {
            database.stop();
        }
    }
}
