package org.thywill.application.loader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.metrics.Counter;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.metrics.Timer;

/**
 * The meters of remote calls, by application and function. Only names a running application has are used as
 * labels ({@value #UNKNOWN} stands for the rest), so a client calling made-up names cannot grow the series.
 */
final class RpcMetrics {

    /** The label of an application or function that does not exist. */
    static final String UNKNOWN = "unknown";

    /** The meters of one function, kept and shared by its calls. */
    final class Function {
        private final String applicationId;
        private final String function;
        private final Counter calls;
        private final Timer duration;
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        private Function(String applicationId, String function) {
            this.applicationId = applicationId;
            this.function = function;
            this.calls = metrics.counter("thywill.rpc.calls", "Remote calls answered, by application and function.",
                    "application", applicationId, "function", function);
            this.duration = metrics.timer("thywill.rpc.duration", "Time from a remote call's arrival to its answer.",
                    "application", applicationId, "function", function);
        }

        /**
         * @param errorCode the answer's error code, or null for a result
         * @param nanos how long the call took
         */
        void answered(String errorCode, long nanos) {
            calls.increment();
            duration.recordNanos(nanos);
            if (errorCode != null) {
                errors.computeIfAbsent(errorCode, code -> metrics.counter("thywill.rpc.errors", "Remote calls"
                        + " answered with an error, by application, function and error code.", "application",
                        applicationId, "function", function, "code", code)).increment();
            }
        }
    }

    private record Key(String applicationId, String function) {
    }

    private final Metrics metrics;
    private final Map<Key, Function> functions = new ConcurrentHashMap<>();

    RpcMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param applicationId a running application's id, or {@value #UNKNOWN}
     * @param function one of its functions, or {@value #UNKNOWN}
     * @return the function's meters
     */
    Function of(String applicationId, String function) {
        return functions.computeIfAbsent(new Key(applicationId, function), k -> new Function(k.applicationId(),
                k.function()));
    }
}
