package org.thywill.push.redis;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;

/**
 * Receipts for messages whose target is on another node. The sending node numbers the receipt and sends it with
 * the message; a node that delivers the message to its target answers {@link BusMessage.Kind#HELD} at once and
 * {@link BusMessage.Kind#RECEIPT} when its Client Interface completes the receipt (acknowledged, or failed with the
 * reason). The sender fails a receipt with {@link DeliveryFailure#NODE_LOST} when no node answered in time, or when
 * every node that held the message went down before answering.
 */
final class RemoteReceipts {

    /** A receipt waiting for another node's answer. */
    private static final class Pending {
        final CompletableFuture<Receipt> receipt;
        final long heldWithinMillis;
        final Set<String> holders = ConcurrentHashMap.newKeySet();
        /** When the receipt fails unless a node holds the message by then. */
        volatile long heldBy;

        Pending(CompletableFuture<Receipt> receipt, long heldWithinMillis) {
            this.receipt = receipt;
            this.heldWithinMillis = heldWithinMillis;
            this.heldBy = System.currentTimeMillis() + heldWithinMillis;
        }
    }

    private final String node;
    private final Consumer<BusMessage> publish;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /**
     * @param node this node's id
     * @param publish publishes to the other nodes
     */
    RemoteReceipts(String node, Consumer<BusMessage> publish) {
        this.node = node;
        this.publish = publish;
    }

    /**
     * Opens a receipt for a message about to be published.
     *
     * @param receipt completed when a node answers
     * @param heldWithinMillis how long a node has to say it holds the message before the receipt fails
     * @return the receipt's id, to send with the message
     */
    String open(CompletableFuture<Receipt> receipt, long heldWithinMillis) {
        String id = node + ":" + next.incrementAndGet();
        pending.put(id, new Pending(receipt, heldWithinMillis));
        receipt.whenComplete((r, e) -> pending.remove(id));
        return id;
    }

    /**
     * Delivers a message that came with a receipt from another node, and answers that node.
     *
     * @param message the delivery, with its {@code receipt} field (or none: then it is just delivered)
     * @param deliver delivers it with the given receipt; false if the target is not here after all
     * @return what {@code deliver} returned
     */
    boolean deliver(BusMessage message, Function<CompletableFuture<Receipt>, Boolean> deliver) {
        String id = message.text("receipt");
        if (id == null) {
            return deliver.apply(null);
        }
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        if (!deliver.apply(receipt)) {
            return false;
        }
        String origin = message.origin();
        publish.accept(BusMessage.of(node, BusMessage.Kind.HELD, "to", origin, "receipt", id));
        receipt.whenComplete((done, failure) -> {
            if (failure == null) {
                publish.accept(BusMessage.of(node, BusMessage.Kind.RECEIPT, "to", origin, "receipt", id,
                        "seq", done.seq(), "at", done.acknowledgedAt().toEpochMilli()));
            } else if (failure instanceof DeliveryFailedException lost) {
                publish.accept(BusMessage.of(node, BusMessage.Kind.RECEIPT, "to", origin, "receipt", id,
                        "seq", lost.seq(), "failure", lost.reason().name()));
            } else {
                publish.accept(BusMessage.of(node, BusMessage.Kind.RECEIPT, "to", origin, "receipt", id,
                        "error", String.valueOf(failure.getMessage())));
            }
        });
        return true;
    }

    /** Another node answered: it holds a message, or its receipt completed. */
    void answered(BusMessage message) {
        if (!node.equals(message.text("to"))) {
            return;
        }
        Pending waiting = pending.get(message.text("receipt"));
        if (waiting == null) {
            return;
        }
        if (message.kind() == BusMessage.Kind.HELD) {
            waiting.holders.add(message.origin());
            return;
        }
        long seq = message.fields().get("seq") instanceof Number n ? n.longValue() : 0;
        if (message.fields().get("at") instanceof Number at) {
            waiting.receipt.complete(new Receipt(seq, Instant.ofEpochMilli(at.longValue())));
        } else if (message.text("failure") != null) {
            waiting.receipt.completeExceptionally(new DeliveryFailedException(
                    DeliveryFailure.valueOf(message.text("failure")), seq));
        } else {
            waiting.receipt.completeExceptionally(new IllegalStateException("Node " + message.origin()
                    + " could not deliver the message: " + message.text("error")));
        }
    }

    /** Fails the receipts that no node said it holds in time. */
    void expire() {
        long now = System.currentTimeMillis();
        pending.values().forEach(waiting -> {
            if (waiting.holders.isEmpty() && now > waiting.heldBy) {
                waiting.receipt.completeExceptionally(new DeliveryFailedException(DeliveryFailure.NODE_LOST, 0));
            }
        });
    }

    /**
     * A node went down: the messages that only it held wait again for a node to hold them (the node that replays
     * them from the log to the dead node's sessions answers), and fail if none does in time.
     */
    void nodeDown(String down) {
        long now = System.currentTimeMillis();
        pending.values().forEach(waiting -> {
            if (waiting.holders.remove(down) && waiting.holders.isEmpty()) {
                waiting.heldBy = now + waiting.heldWithinMillis;
            }
        });
    }

    /** This node stops: no answer will reach it. */
    void stop() {
        pending.values().forEach(waiting -> waiting.receipt.completeExceptionally(
                new DeliveryFailedException(DeliveryFailure.SERVER_STOPPED, 0)));
    }
}
