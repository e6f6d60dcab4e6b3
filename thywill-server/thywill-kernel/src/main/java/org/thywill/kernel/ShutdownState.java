package org.thywill.kernel;

/** Whether the server has begun to stop, which the health report tells load balancers. Thread-safe. */
final class ShutdownState {

    private volatile boolean draining;

    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }
}
