package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;

class StartupRetryTest {

    private static final ThywillException REFUSED = new ThywillException("Could not open",
            new RuntimeException("pool", new SQLNonTransientConnectionException("link failure", "08S01",
                    new ConnectException("Connection refused"))));

    private static final ThywillException DENIED = new ThywillException("Could not open",
            new RuntimeException("pool", new SQLInvalidAuthorizationSpecException("Access denied", "28000")));

    @Test
    void connectionFailuresCountAsUnreachable() {
        assertTrue(StartupRetry.unreachable(REFUSED));
        assertTrue(StartupRetry.unreachable(new ThywillException("x", new SQLException("link", "08001"))));
        assertTrue(StartupRetry.unreachable(new ThywillException("x", new ConnectException("refused"))));
    }

    @Test
    void answersFromTheServerDoNotCountAsUnreachable() {
        assertFalse(StartupRetry.unreachable(DENIED));
        assertFalse(StartupRetry.unreachable(new ThywillException("The mysql URL names no database")));
        assertFalse(StartupRetry.unreachable(new ThywillException("x", new SQLException("Unknown database", "42000"))));
    }

    @Test
    void zeroTimeoutTriesOnceAndThrowsTheFailureUnchanged() {
        AtomicInteger attempts = new AtomicInteger();
        ThywillException e = assertThrows(ThywillException.class,
                () -> StartupRetry.untilReachable(target(Duration.ZERO), () -> {
                    attempts.incrementAndGet();
                    throw REFUSED;
                }));
        assertSame(REFUSED, e);
        assertEquals(1, attempts.get());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ThywillException e = assertThrows(ThywillException.class,
                () -> StartupRetry.untilReachable(target(Duration.ofMinutes(1)), () -> {
                    attempts.incrementAndGet();
                    throw DENIED;
                }));
        assertSame(DENIED, e);
        assertEquals(1, attempts.get());
    }

    @Test
    void unreachableIsRetriedUntilItAnswers() {
        AtomicInteger attempts = new AtomicInteger();
        String opened = StartupRetry.untilReachable(target(Duration.ofMinutes(1)), () -> {
            if (attempts.incrementAndGet() < 2) {
                throw REFUSED;
            }
            return "open";
        });
        assertEquals("open", opened);
        assertEquals(2, attempts.get());
    }

    private static JdbcTarget target(Duration startupTimeout) {
        return new JdbcTarget("mysql", "com.mysql.cj.jdbc.Driver", "jdbc:mysql://db/thywill", "jdbc:mysql://db/thywill",
                "thywill", "", 1, Duration.ofSeconds(1), startupTimeout, Map.of(), "Check.", false,
                SqlDialect.MYSQL);
    }
}
