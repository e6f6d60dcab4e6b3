package org.thywill.database.jdbc;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Waits at start-up for a database server that cannot be reached yet, as when it starts beside Thywill (Docker
 * Compose, a rebooting host). Only "cannot reach" is retried: wrong credentials or a missing database fail at once.
 */
final class StartupRetry {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRetry.class);

    /** The pause between two attempts. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    /** Bounds the walk down a chain of causes, in case one loops. */
    private static final int MAX_CAUSES = 20;

    private StartupRetry() {
    }

    /**
     * Runs the attempt until it succeeds, fails for another reason than reachability, or the target's
     * {@link JdbcTarget#startupTimeout() start-up timeout} has passed; a failed attempt logs one warning and the next
     * starts {@link #INTERVAL} later. Resilience4j's {@link Retry} does the retrying; what stays here is which
     * failures may pass and the messages.
     *
     * @param target what is being reached, for its timeout and for messages
     * @param attempt opens something on the database; throws {@link ThywillException} when it cannot
     * @param <T> what the attempt opens
     * @return what the first successful attempt returned
     * @throws ThywillException the attempt's failure: at once if it is not about reachability, else when the time is
     *                          up (then saying how long it tried), or when the waiting thread is interrupted
     */
    static <T> T untilReachable(JdbcTarget target, Supplier<T> attempt) {
        long timeout = nanos(target.startupTimeout());
        if (timeout == 0) {
            return attempt.get();
        }
        long deadline = System.nanoTime() + timeout;
        Retry retry = Retry.of("database at " + target.displayUrl(), RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .waitDuration(INTERVAL)
                .retryOnException(failure -> unreachable(failure) && deadline - System.nanoTime() > 0)
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.warn("Database not reachable yet at {} ({}); retrying for"
                + " another {} s", target.displayUrl(), ConnectionPool.rootMessage(event.getLastThrowable()),
                seconds(Math.max(0, deadline - System.nanoTime()))));
        try {
            return retry.executeSupplier(attempt);
        } catch (ThywillException failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(target, failure);
            }
            throw unreachable(failure) ? gaveUp(failure, target) : failure;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(target, e);
            }
            throw e;
        }
    }

    /**
     * @param failure why an attempt failed
     * @return whether the server could not be reached at all (refused, unknown host, timed out, link failure), which
     *         may pass; as opposed to an answer from the server, which will not
     */
    static boolean unreachable(Throwable failure) {
        Throwable cause = failure;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true; // SQL's class 08: connection exception
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ThywillException gaveUp(ThywillException failure, JdbcTarget target) {
        return new ThywillException(failure.getMessage() + " Tried for " + seconds(nanos(target.startupTimeout()))
                + " s; raise the database's startupTimeout to wait longer.", failure.getCause());
    }

    private static ThywillException interrupted(JdbcTarget target, RuntimeException failure) {
        return new ThywillException("Stopped waiting for the " + target.provider() + " database at "
                + target.displayUrl() + " to become reachable: interrupted. Last failure: " + failure.getMessage(),
                failure);
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException moreThan292Years) {
            return Long.MAX_VALUE;
        }
    }

    private static long seconds(long nanos) {
        long second = 1_000_000_000L;
        return nanos / second + (nanos % second == 0 ? 0 : 1);
    }
}
