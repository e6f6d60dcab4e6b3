package org.thywill.application.loader;

/** A call's arguments do not fit the function's parameters; the message is for the caller and says which. */
final class InvalidArgumentsException extends Exception {

    InvalidArgumentsException(String message) {
        super(message, null, false, false);
    }
}
