package org.thywill.client.websocket;

/** A frame the server cannot use: answered with an error frame naming what to change; the connection stays. */
final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;
    /** The frame is not a JSON object with a known op, or a field is missing or of the wrong type. */
    static final String BAD_FRAME = "bad-frame";
    /** A frame other than hello before the welcome. */
    static final String HELLO_FIRST = "hello-first";
    /** A second hello on one connection. */
    static final String ALREADY_WELCOMED = "already-welcomed";

    private final String code;

    /**
     * @param code the error code, one of protocol.md's
     * @param message what to change, for the client's developer
     */
    FrameException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
