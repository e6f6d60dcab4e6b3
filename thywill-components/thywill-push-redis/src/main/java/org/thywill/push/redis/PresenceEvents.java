package org.thywill.push.redis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresenceListener;

/**
 * Calls the applications' presence listeners one at a time, in the order this node learnt of the changes, on a
 * thread of its own, so application code never runs under a lock, on a transport thread or on a Redis thread.
 */
final class PresenceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceEvents.class);

    private final Map<String, PresenceListener> listeners = new ConcurrentHashMap<>();
    private volatile ExecutorService thread;

    void start() {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "thywill-redis-presence");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops calling listeners; events still queued are dropped, as the server is going down. */
    void stop() {
        listeners.clear();
        ExecutorService running = thread;
        thread = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** @param listener the application's listener, replacing the one before; null or NONE for none */
    void listen(String applicationId, PresenceListener listener) {
        if (listener == null || listener == PresenceListener.NONE) {
            listeners.remove(applicationId);
        } else {
            listeners.put(applicationId, listener);
        }
    }

    void joined(String applicationId, String channel, SessionId session) {
        dispatch(applicationId, "joined " + channel, listener -> listener.joined(channel, session));
    }

    void left(String applicationId, String channel, SessionId session) {
        dispatch(applicationId, "left " + channel, listener -> listener.left(channel, session));
    }

    void nodeDown(String applicationId, String node, Set<SessionId> sessions) {
        dispatch(applicationId, "node " + node + " down", listener -> listener.nodeDown(node, sessions));
    }

    /** @return the applications listening now */
    Set<String> applications() {
        return Set.copyOf(listeners.keySet());
    }

    private void dispatch(String applicationId, String event, Consumer<PresenceListener> call) {
        ExecutorService running = thread;
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
