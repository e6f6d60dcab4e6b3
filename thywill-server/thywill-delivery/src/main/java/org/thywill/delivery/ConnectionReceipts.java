package org.thywill.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;

/**
 * The receipts of messages sent to one connection: each message carries a {@code receipt} number that the client
 * library acknowledges after the page's handlers ran. Nothing is kept for the session, so the receipts of a
 * connection that ends fail at once.
 */
final class ConnectionReceipts {

    private record Waiting(CompletableFuture<Receipt> receipt, String applicationId, long createdAtMillis) {
    }

    private final AtomicLong numbers = new AtomicLong();
    private final Map<ConnectionId, Map<Long, Waiting>> waiting = new ConcurrentHashMap<>();

    /** @return the number the message must carry */
    long register(ConnectionId connection, String applicationId, CompletableFuture<Receipt> receipt) {
        long number = numbers.incrementAndGet();
        waiting.computeIfAbsent(connection, c -> new ConcurrentHashMap<>())
                .put(number, new Waiting(receipt, applicationId, System.currentTimeMillis()));
        return number;
    }

    void acknowledge(ConnectionId connection, long number) {
        Map<Long, Waiting> ofConnection = waiting.get(connection);
        Waiting w = ofConnection == null ? null : ofConnection.remove(number);
        if (w != null) {
            w.receipt().complete(new Receipt(number, Instant.now()));
        }
    }

    void ended(ConnectionId connection) {
        Map<Long, Waiting> ofConnection = waiting.remove(connection);
        if (ofConnection != null) {
            ofConnection.forEach((number, w) -> fail(w, DeliveryFailure.DISCONNECTED, number));
        }
    }

    /** @param cutoffMillis per application, receipts of messages sent before it fail as expired */
    void expire(ToLongFunction<String> cutoffMillis) {
        waiting.values().forEach(ofConnection -> ofConnection.entrySet().removeIf(e -> {
            boolean old = e.getValue().createdAtMillis() < cutoffMillis.applyAsLong(e.getValue().applicationId());
            if (old) {
                fail(e.getValue(), DeliveryFailure.EXPIRED, e.getKey());
            }
            return old;
        }));
    }

    void failAll(DeliveryFailure reason) {
        waiting.keySet().forEach(c -> {
            Map<Long, Waiting> ofConnection = waiting.remove(c);
            if (ofConnection != null) {
                ofConnection.forEach((number, w) -> fail(w, reason, number));
            }
        });
    }

    private static void fail(Waiting w, DeliveryFailure reason, long number) {
        w.receipt().completeExceptionally(new DeliveryFailedException(reason, number));
    }
}
