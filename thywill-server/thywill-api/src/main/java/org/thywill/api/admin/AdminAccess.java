package org.thywill.api.admin;

/**
 * What the kernel gives the admin console when {@code server.admin} is on: the server's view and the check of the
 * token an operator types. The Application Interface hands it to each application that asks for
 * {@link org.thywill.api.application.Capability#ADMIN}, and to no other. Thread-safe.
 */
public interface AdminAccess {

    /** @return the server's view and actions */
    ServerView view();

    /**
     * Compares a candidate with {@code server.adminToken} in constant time (the time taken does not depend on
     * where the two differ, nor on their lengths).
     *
     * @param candidate what the operator typed; null is refused
     * @return true if it is the token
     */
    boolean acceptsToken(String candidate);
}
