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
        return new Sent(queued, CompletableFuture.failedFuture(new NoReceipt(target)));
    }

    /**
     * Says that no receipt was asked for. Made on every send without one, so it is cheap: no stack trace, and its
     * message written only when read.
     */
    private static final class NoReceipt extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;
        private final transient Target target;

        NoReceipt(Target target) {
            this.target = target;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String getMessage() {
            String how = target instanceof Target.ToConnection ? "ask for one with Target.connection(id).withReceipt()"
                    : target instanceof Target.ToSession ? "ask for one with Target.session(id).withReceipt()"
                    : "send to each session (Target.session(id).withReceipt()) for one";
            return "No receipt was asked for " + target + ": " + how;
        }
    }
}
