package org.thywill.api.client;

/**
 * A client's message cannot be handled. The Client Interface answers the sender with
 * {@code {"type":"error","error":{"code":code,"message":message}}} on the application's channel.
 */
public class ClientMessageException extends RuntimeException {

    /** The application named does not exist or is not enabled. */
    public static final String UNKNOWN_APPLICATION = "unknown-application";
    /** The message is not of the expected shape. */
    public static final String BAD_MESSAGE = "bad-message";
    /** The application failed while handling the message. */
    public static final String APPLICATION_ERROR = "application-error";
    /** The connection sent more messages per second than the server accepts; the message was dropped. */
    public static final String RATE_LIMITED = "rate-limited";
    /** Messages waiting for the connection exceeded the server's queue limit and were dropped. */
    public static final String SLOW_CONSUMER = "slow-consumer";
    /** The message was larger than the server accepts; it was dropped. */
    public static final String MESSAGE_TOO_BIG = "message-too-big";

    /** The application refused the message for its sender's user (see the application's {@code permits}). */
    public static final String NOT_PERMITTED = "not-permitted";

    private final String code;

    /**
     * @param code a stable, machine-readable code, such as {@link #BAD_MESSAGE}
     * @param message a sentence for the developer saying what to change
     */
    public ClientMessageException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** @return the error code */
    public String code() {
        return code;
    }
}
