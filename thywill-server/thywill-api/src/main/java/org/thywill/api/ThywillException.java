package org.thywill.api;

/**
 * An error a user or operator can act on. Its message says what went wrong and what to change; the kernel prints
 * it without a stack trace when it stops start-up.
 */
public class ThywillException extends RuntimeException {

    /** @param message what went wrong and what to change */
    public ThywillException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to change
     * @param cause the underlying failure, kept for the log
     */
    public ThywillException(String message, Throwable cause) {
        super(message, cause);
    }
}
