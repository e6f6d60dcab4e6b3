package org.thywill.application.loader;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;

/**
 * Turns the receipts of an application's forwards of a client's message into one receipt envelope to that client,
 * so that the page that sent the message learns whether a person's page got it (ApplicationContext.reportDelivery).
 */
final class DeliveryReport {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReport.class);

    private final String applicationId;
    private final ClientMessage cause;
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicInteger pending;

    private DeliveryReport(String applicationId, ClientMessage cause, int sends) {
        this.applicationId = applicationId;
        this.cause = cause;
        this.pending = new AtomicInteger(sends);
    }

    /**
     * Reports the outcome of the sends to the sender of {@code cause} when it is known, through the Push.
     *
     * @throws IllegalArgumentException if there are no sends or one asked for no receipt
     */
    static void start(Push push, String applicationId, ClientMessage cause, Collection<Sent> sends) {
        List<Sent> all = List.copyOf(sends);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("reportDelivery needs at least one send: a message forwarded to"
                    + " nobody cannot be delivered, so tell its page yourself");
        }
        for (Sent sent : all) {
            CompletableFuture<?> receipt = sent.receipt().toCompletableFuture();
            if (receipt.isCompletedExceptionally() && failure(receipt) instanceof UnsupportedOperationException e) {
                throw new IllegalArgumentException("reportDelivery needs sends asked withReceipt(): " + e.getMessage());
            }
        }
        if (cause.id().isEmpty()) {
            return; // the client gave its message no id: it could not tell which message a receipt is about
        }
        DeliveryReport report = new DeliveryReport(applicationId, cause, all.size());
        all.forEach(sent -> sent.receipt().whenComplete((receipt, error) -> report.settled(push, error)));
    }

    private static Throwable failure(CompletableFuture<?> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    /** One receipt settled: the first delivery is reported, or the last failure once all failed. */
    private void settled(Push push, Throwable error) {
        boolean last = pending.decrementAndGet() == 0;
        if (error == null || last) {
            if (reported.compareAndSet(false, true)) {
                push.send(applicationId, Target.connection(cause.from().id()),
                        Envelopes.receipt(cause.id().orElseThrow(), error == null ? null : reason(error)));
            }
        }
    }

    private String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DeliveryFailedException failed) {
            return failed.reason().name();
        }
        LOG.warn("Application '{}': a forwarded message's receipt failed unexpectedly", applicationId, cause);
        return "UNKNOWN";
    }
}
