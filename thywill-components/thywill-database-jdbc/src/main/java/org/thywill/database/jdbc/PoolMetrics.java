package org.thywill.database.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.thywill.api.metrics.Metrics;

/** Reports the connection pool's use as gauges, read from HikariCP when scraped; zero while the pool is closed. */
final class PoolMetrics {

    private PoolMetrics() {
    }

    /**
     * @param metrics where to register
     * @param database the engine's name, the {@code database} tag
     * @param pool the open pool, or null while there is none
     */
    static void register(Metrics metrics, String database, Supplier<HikariDataSource> pool) {
        gauge(metrics, "thywill.database.connections.active", "Pooled database connections in use.", database,
                pool, HikariPoolMXBean::getActiveConnections);
        gauge(metrics, "thywill.database.connections.idle", "Pooled database connections open and unused.",
                database, pool, HikariPoolMXBean::getIdleConnections);
        gauge(metrics, "thywill.database.connections.pending", "Threads waiting for a pooled database connection.",
                database, pool, HikariPoolMXBean::getThreadsAwaitingConnection);
        metrics.gauge("thywill.database.connections.max", "The most database connections the pool opens.", () -> {
            HikariDataSource open = pool.get();
            return open == null ? 0 : open.getMaximumPoolSize();
        }, "database", database);
    }

    private static void gauge(Metrics metrics, String name, String description, String database,
                              Supplier<HikariDataSource> pool, ToIntFunction<HikariPoolMXBean> read) {
        metrics.gauge(name, description, () -> {
            HikariDataSource open = pool.get();
            HikariPoolMXBean bean = open == null ? null : open.getHikariPoolMXBean();
            return bean == null ? 0 : read.applyAsInt(bean);
        }, "database", database);
    }
}
