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
 *                or session not asked {@code withReceipt()}, a channel) it is already failed with an
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
        return new Sent(queued, target instanceof Target.ToConnection ? NoReceipt.CONNECTION
                : target instanceof Target.ToSession ? NoReceipt.SESSION
                : target instanceof Target.ToUser ? NoReceipt.USER : NoReceipt.CHANNEL);
    }

    /**
     * The receipts of sends that asked for none, one per kind of target: made once, since a send without a receipt
     * is the common case and costs no more than a count. A completed future keeps no callbacks, so sharing it is
     * safe.
     */
    private static final class NoReceipt {
        static final CompletionStage<Receipt> CONNECTION = failed("a connection",
                "ask for one with Target.connection(id).withReceipt()");
        static final CompletionStage<Receipt> SESSION = failed("a session",
                "ask for one with Target.session(id).withReceipt()");
        static final CompletionStage<Receipt> USER = failed("a user",
                "ask for one with Target.user(id).withReceipt()");
        static final CompletionStage<Receipt> CHANNEL = failed("a channel",
                "send to each session (Target.session(id).withReceipt()) for one");

        private NoReceipt() {
        }

        private static CompletionStage<Receipt> failed(String target, String how) {
            return CompletableFuture.failedStage(new UnsupportedOperationException(
                    "No receipt was asked for this send to " + target + ": " + how));
        }
    }
}
