package org.thywill.resources;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides who may do what with one resource. The application supplies one per resource; without one, a resource is
 * {@link #READ_ONLY}: anyone may list, read and watch it, and every write through the REST API is refused with 403.
 * Application code that changes a resource through {@link Resource} is not subject to the rule.
 *
 * <p>Runs on the thread serving the request (an HTTP server thread, or the transport thread of a watch call),
 * possibly concurrently: it must be thread-safe and quick. An exception it throws refuses the request (500) and
 * is logged.
 */
@FunctionalInterface
public interface AccessRule {

    /** Reads allowed to everyone, writes refused: the default. */
    AccessRule READ_ONLY = (operation, caller) -> operation.isRead();

    /** Everything allowed to everyone. */
    AccessRule EVERYONE = (operation, caller) -> true;

    /** Everything refused: a resource only the application's own code reaches. */
    AccessRule NOBODY = (operation, caller) -> false;

    /**
     * @param operation what the caller asks to do
     * @param caller who asks
     * @return true to allow it
     */
    boolean permits(Operation operation, Caller caller);

    /**
     * @param first an operation allowed to everyone
     * @param more more of them
     * @return a rule that allows those operations to everyone and refuses the others
     */
    static AccessRule allow(Operation first, Operation... more) {
        Set<Operation> allowed = EnumSet.of(first, more);
        return (operation, caller) -> allowed.contains(operation);
    }
}
