package org.thywill.cli;

/** Something the user can fix, said in one message; the command prints it and exits with status 1. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
