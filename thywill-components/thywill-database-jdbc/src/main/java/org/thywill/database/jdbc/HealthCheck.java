package org.thywill.database.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.thywill.api.Health;

/**
 * Answers {@link org.thywill.api.Component#health()} for one open pool within {@link #LIMIT}, even while the server
 * hangs and borrowing waits for the whole connect timeout. The check runs on a thread of its own; callers that
 * arrive while one runs wait for that one, so a load balancer polling a dead database never piles threads up.
 */
final class HealthCheck {

    /** The longest {@link #run()} takes. */
    static final Duration LIMIT = Duration.ofSeconds(2);

    /** How long a borrowed connection has to answer {@link Connection#isValid(int)}. */
    private static final int VALID_SECONDS = 1;

    private final HikariDataSource pool;
    private final JdbcTarget target;
    private CompletableFuture<Health> running; // guarded by this; the check under way, or the last one

    /**
     * @param pool the pool to check, open
     * @param target what it connects to, for the report
     */
    HealthCheck(HikariDataSource pool, JdbcTarget target) {
        this.pool = pool;
        this.target = target;
    }

    /** @return up with the server's product, version and the pool's use, or down saying why; never throws */
    Health run() {
        try {
            return current().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HikariPoolMXBean use = pool.getHikariPoolMXBean();
            return down("no connection within " + LIMIT.toSeconds() + " s"
                    + (use == null ? "" : ", " + use.getTotalConnections() + " of " + pool.getMaximumPoolSize()
                    + " open"));
        } catch (ExecutionException e) {
            return down(ConnectionPool.rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted while checking");
        } catch (RuntimeException e) {
            return down(ConnectionPool.rootMessage(e)); // a thread that could not be started, for example
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::probe, this::onOwnThread);
        }
        return running;
    }

    private Health probe() {
        String product;
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(VALID_SECONDS)) {
                return down("a connection did not answer within " + VALID_SECONDS + " s");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        } catch (SQLException | RuntimeException e) {
            return down(ConnectionPool.rootMessage(e));
        }
        HikariPoolMXBean use = pool.getHikariPoolMXBean();
        String active = use == null ? "?" : Integer.toString(use.getActiveConnections());
        return Health.up(product + " at " + target.displayUrl() + ", pool " + active + "/"
                + pool.getMaximumPoolSize());
    }

    private Health down(String reason) {
        return Health.down("cannot reach " + target.displayUrl() + ": " + reason);
    }

    private void onOwnThread(Runnable check) {
        Thread thread = new Thread(check, "thywill-" + target.provider() + "-health");
        thread.setDaemon(true);
        thread.start();
    }
}
