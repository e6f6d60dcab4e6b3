package org.thywill.api.delivery;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a send did: how many live connections it reached at once, and a handle on the client's acknowledgement.
 *
 * @param queued how many live connections the message was queued for now; a session's inbox keeps it also when
 *               this is 0
 * @param receipt completes when the target's client library acknowledged the message, after the page's handler ran,
 *                or fails with a {@link DeliveryFailedException}; for a target that gives no receipt (a connection
 *                not asked {@link Target.ToConnection#withReceipt()}, a channel) it is already failed with an
 *                {@link UnsupportedOperationException} that says how to ask for one
 */
public record Sent(int queued, CompletionStage<Receipt> receipt) {

    public Sent {
        Objects.requireNonNull(receipt, "receipt");
    }

    /**
     * @param queued how many live connections it was queued for
     * @param target the target, named in the failure
     * @return a result whose receipt says that this target gives none
     */
    public static Sent withoutReceipt(int queued, Target target) {
        String how = target instanceof Target.ToConnection
                ? "ask for one with Target.connection(id).withReceipt()"
                : "send to each session (Target.session) for one";
        return new Sent(queued, CompletableFuture.failedFuture(
                new UnsupportedOperationException("No receipt was asked for " + target + ": " + how)));
    }
}
