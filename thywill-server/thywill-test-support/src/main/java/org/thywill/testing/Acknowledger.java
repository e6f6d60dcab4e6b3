package org.thywill.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.client.BayeuxClient;

/**
 * Tells the server what one connection's page handled, as the browser library does: in the next
 * {@code /meta/connect} ({@code ext.thywill.acks}, as a CometD extension of the client) and by publishing
 * {@code {"type":"ack","seq":N}} every {@value #PERIOD_MILLIS} ms.
 */
final class Acknowledger implements ClientSession.Extension {

    private static final long PERIOD_MILLIS = 50;

    private final PageMemory memory;
    private final BayeuxClient client;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final AtomicReference<Map<String, Object>> nextConnectExtension = new AtomicReference<>();
    private volatile boolean onConnects = true;

    /**
     * @param memory what the page handled
     * @param client the connection to acknowledge on
     */
    Acknowledger(PageMemory memory, BayeuxClient client) {
        this.memory = memory;
        this.client = client;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-client-acks");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publish, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean sendMeta(ClientSession session, Message.Mutable message) {
        Map<String, Object> given = Channel.META_CONNECT.equals(message.getChannel())
                ? nextConnectExtension.getAndSet(null) : null;
        if (given != null) {
            message.getExt(true).put("thywill", given);
        } else if (onConnects && Channel.META_CONNECT.equals(message.getChannel())) {
            Map<String, Long> acks = unacknowledged();
            if (!acks.isEmpty()) {
                message.getExt(true).put("thywill", Map.of("acks", acks));
            }
        }
        return true;
    }

    /** Tells the server, per application, the last seq handled since the last acknowledgement, by publishing. */
    private void publish() {
        if (!client.isConnected()) {
            return;
        }
        unacknowledged().forEach((app, seq) ->
                client.getChannel("/service/thywill/" + app).publish(Map.of("type", "ack", "seq", seq)));
    }

    /** @return per application, the last seq handled and not acknowledged yet, now counted as acknowledged */
    private synchronized Map<String, Long> unacknowledged() {
        Map<String, Long> acks = new HashMap<>();
        memory.handled().forEach((app, seq) -> {
            if (!seq.equals(acknowledged.get(app))) {
                acknowledged.put(app, seq);
                acks.put(app, seq);
            }
        });
        return acks;
    }

    /** From now on, acknowledges only by publishing. */
    void onlyByPublishing() {
        onConnects = false;
    }

    /** @param thywill what the next {@code /meta/connect} carries as {@code ext.thywill} instead of acks */
    void nextConnectExtension(Map<String, Object> thywill) {
        nextConnectExtension.set(thywill);
    }

    /** @return the last seq the server was told of for {@code app}, 0 for none */
    long acknowledgedSeq(String app) {
        return acknowledged.getOrDefault(app, 0L);
    }

    /**
     * Stops publishing, waiting for a publication under way: one published while the client disconnects goes out
     * on a session the server has ended, and the client then waits for its disconnection in vain.
     *
     * @param wait how long to wait for it
     */
    void stopPublishing(Duration wait) {
        timer.shutdownNow();
        try {
            timer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
