package org.thywill.api.delivery;

/** Completes a receipt exceptionally: the message will never be acknowledged, and {@link #reason()} says why. */
public final class DeliveryFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @serial why the message was not delivered */
    private final DeliveryFailure reason;
    /** @serial the message's sequence number */
    private final long seq;

    /**
     * @param reason why
     * @param seq the message's sequence number
     */
    public DeliveryFailedException(DeliveryFailure reason, long seq) {
        super("Message " + seq + " was not acknowledged: " + reason, null, false, false);
        this.reason = reason;
        this.seq = seq;
    }

    /** @return why the message was not delivered */
    public DeliveryFailure reason() {
        return reason;
    }

    /** @return the message's sequence number in its inbox, or its receipt number; 0 when it had none */
    public long seq() {
        return seq;
    }
}
