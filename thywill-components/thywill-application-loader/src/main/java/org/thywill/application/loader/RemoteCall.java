package org.thywill.application.loader;

import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Push;

/**
 * One call waiting for its answer. A result, a failure and the deadline may race (a stage completes on any
 * thread); whichever comes first answers the caller, and only once.
 */
final class RemoteCall {

    private final Push push;
    private final String applicationId;
    private final ConnectionId caller;
    private final Object id;
    private final String function;
    private final RpcMetrics.Function meters;
    private final long began = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile Future<?> deadline;

    /**
     * @param push where answers go
     * @param applicationId the application called; answers go to its channel
     * @param caller the calling connection
     * @param id the call's id, which the answer carries
     * @param function the name called, or null when the envelope named none
     * @param meters the meters its answer counts in
     */
    RemoteCall(Push push, String applicationId, ConnectionId caller, Object id, String function,
               RpcMetrics.Function meters) {
        this.meters = meters;
        this.push = push;
        this.applicationId = applicationId;
        this.caller = caller;
        this.id = id;
        this.function = function;
    }

    String function() {
        return function;
    }

    ConnectionId caller() {
        return caller;
    }

    boolean answered() {
        return answered.get();
    }

    /**
     * @param result the function's result, a JSON value tree
     * @return false if the call was answered already
     */
    boolean result(Object result) {
        return answer(RpcEnvelopes.result(id, result), null);
    }

    /**
     * @param code an {@link RpcEnvelopes} code
     * @param message for the caller; never an exception's text
     * @return false if the call was answered already
     */
    boolean error(String code, String message) {
        return answer(RpcEnvelopes.error(id, code, message), code);
    }

    /** @param task the scheduled deadline, cancelled once the call is answered */
    void deadline(Future<?> task) {
        deadline = task;
        if (answered.get()) {
            task.cancel(false);
        }
    }

    private boolean answer(Map<String, Object> envelope, String errorCode) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        meters.answered(errorCode, System.nanoTime() - began);
        Future<?> task = deadline;
        if (task != null) {
            task.cancel(false);
        }
        // False when the caller has gone meanwhile: nobody is left to tell.
        push.send(applicationId, Target.connection(caller), envelope);
        return true;
    }
}
