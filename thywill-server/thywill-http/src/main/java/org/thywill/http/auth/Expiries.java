package org.thywill.http.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Ends connections when their credentials expire unrefreshed: one timer per connection, which a refresh moves and
 * the connection's end cancels. What ending means (telling the page, closing) is the transport's, given as the task.
 * Thread-safe.
 *
 * @param <K> what names a connection, such as its {@link org.thywill.api.client.ConnectionId}
 */
public final class Expiries<K> {

    /** Runs a task later on the transport's scheduler. */
    @FunctionalInterface
    public interface Scheduling {
        /**
         * @param task what to run
         * @param delayMillis in how many milliseconds
         * @return the scheduled task, to cancel
         */
        Scheduler.Task schedule(Runnable task, long delayMillis);
    }

    private final Scheduling scheduling;
    private final Map<K, Scheduler.Task> pending = new ConcurrentHashMap<>();

    /** @param scheduling the transport's scheduler, such as CometD's {@code BayeuxServerImpl::schedule} */
    public Expiries(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    /**
     * Ends the connection at {@code expires}, in place of any moment set before.
     *
     * @param connection a connected connection
     * @param expires when its credentials expire
     * @param end ends it, if it is still there
     */
    public void closeAt(K connection, Instant expires, Runnable end) {
        long delay = Math.max(0, expires.toEpochMilli() - System.currentTimeMillis());
        Scheduler.Task task = scheduling.schedule(() -> {
            pending.remove(connection);
            end.run();
        }, delay);
        Scheduler.Task before = pending.put(connection, task);
        if (before != null) {
            before.cancel();
        }
    }

    /** @param connection a connection that ended: its timer goes */
    public void cancel(K connection) {
        Scheduler.Task task = pending.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }
}
