package org.thywill.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresenceListener;

/**
 * Calls the applications' presence listeners one at a time, in the order the Push learnt of the changes, on a
 * thread of its own, so application code never runs under the Push's locks, on a transport thread or on a thread
 * of the Push's own (a cluster's link, say); and runs the grace period's timers on that same thread.
 */
public final class PresenceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceEvents.class);

    private final Map<String, PresenceListener> listeners = new ConcurrentHashMap<>();
    private final String threadName;
    private volatile ScheduledExecutorService thread;

    /** @param threadName the name of the thread that calls the listeners */
    public PresenceEvents(String threadName) {
        this.threadName = threadName;
    }

    /** Starts the thread. */
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops calling listeners; events and timers still queued are dropped, as the server is going down. */
    public void stop() {
        listeners.clear();
        ScheduledExecutorService running = thread;
        thread = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /**
     * @param applicationId an application
     * @param listener its listener, replacing the one before; null or {@link PresenceListener#NONE} for none
     */
    public void listen(String applicationId, PresenceListener listener) {
        if (listener == null || listener == PresenceListener.NONE) {
            listeners.remove(applicationId);
        } else {
            listeners.put(applicationId, listener);
        }
    }

    /** Tells the application that a session became present in a channel. */
    public void joined(String applicationId, String channel, SessionId session) {
        dispatch(applicationId, "joined " + channel, listener -> listener.joined(channel, session));
    }

    /** Tells the application that a session is no longer present in a channel. */
    public void left(String applicationId, String channel, SessionId session) {
        dispatch(applicationId, "left " + channel, listener -> listener.left(channel, session));
    }

    /** Tells the application that a user became present in it. */
    public void userJoined(String applicationId, String user) {
        dispatch(applicationId, "user joined", listener -> listener.userJoined(user));
    }

    /** Tells the application that a user is no longer present in it. */
    public void userLeft(String applicationId, String user) {
        dispatch(applicationId, "user left", listener -> listener.userLeft(user));
    }

    /** Tells the application that another node of a cluster went down with its sessions' connections. */
    public void nodeDown(String applicationId, String node, Set<SessionId> sessions) {
        dispatch(applicationId, "node " + node + " down", listener -> listener.nodeDown(node, sessions));
    }

    /** @return the applications listening now */
    public Set<String> applications() {
        return Set.copyOf(listeners.keySet());
    }

    /**
     * @param task what to run after the delay, on the presence thread
     * @param delay how long to wait
     * @return the scheduled task, or null once stopped
     */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        ScheduledExecutorService running = thread;
        if (running == null) {
            return null;
        }
        try {
            return running.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private void dispatch(String applicationId, String event, Consumer<PresenceListener> call) {
        ScheduledExecutorService running = thread;
        if (running == null || !listeners.containsKey(applicationId)) {
            return;
        }
        try {
            running.execute(() -> {
                PresenceListener listener = listeners.get(applicationId);
                if (listener == null) {
                    return;
                }
                try {
                    call.accept(listener);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Application '{}' failed in its presence listener ({})", applicationId, event, e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: nobody is left to tell.
        }
    }
}
