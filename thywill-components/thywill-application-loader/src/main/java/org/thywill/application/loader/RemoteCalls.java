package org.thywill.application.loader;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.application.NotPermittedException;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;

/**
 * Answers the {@code rpc} envelopes of every application: asks the application's permission, finds the function
 * in its class's table, binds the arguments, calls it on the transport thread and answers the caller, at once or
 * when its stage completes, within a deadline kept by one scheduler thread that this object owns.
 */
final class RemoteCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCalls.class);
    private static final String EXAMPLE = " Send "
            + EnvelopeType.CALL.shape("\"id\":\"1\",\"name\":\"add\",\"args\":[1,2]") + ".";

    private final Push push;
    private final Duration maxTimeout;
    private final RpcMetrics metrics;
    private final ClassValue<CallableFunctions> tables = new ClassValue<>() {
        @Override
        protected CallableFunctions computeValue(Class<?> type) {
            CallableFunctions table = CallableFunctions.of(type);
            table.problems().forEach((name, why) -> LOG.error("Application class {}: its function '{}' cannot be"
                    + " called: {}", type.getName(), name, why));
            return table;
        }
    };
    private volatile ScheduledThreadPoolExecutor deadlines;

    /**
     * @param push where answers go
     * @param maxTimeout the longest any call may take ({@code application.rpcTimeout})
     * @param metrics where calls are counted and timed
     */
    RemoteCalls(Push push, Duration maxTimeout, RpcMetrics metrics) {
        this.push = push;
        this.maxTimeout = maxTimeout;
        this.metrics = metrics;
    }

    /** Starts the deadline thread. */
    void start() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "thywill-rpc-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        deadlines = scheduler;
    }

    /** Stops the deadline thread; calls still waiting are answered when their stages complete, if ever. */
    void stop() {
        ScheduledThreadPoolExecutor scheduler = deadlines;
        deadlines = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * Reads an application's functions now, so a function that cannot be called is reported at deployment.
     *
     * @param app a running application
     */
    void prepare(RunningApplication app) {
        try {
            tables.get(app.application().getClass());
        } catch (LinkageError e) {
            LOG.error("{}: application '{}' has functions whose classes cannot be loaded: {}", app.source(), app.id(),
                    e.toString(), e);
        }
    }

    /**
     * Handles one {@code rpc} envelope. Every outcome but an envelope without a usable id is an answer to the
     * caller: the result, or an {@code rpc-error} carrying the call's id.
     *
     * @param app the application called, or null if none runs by that id
     * @param applicationId the id called
     * @param from the caller
     * @param envelope {@code {"type":"rpc","id":..,"name":..,"args":[..],"timeout":ms}}
     * @throws ClientMessageException when the envelope has no id an answer could carry
     */
    void call(RunningApplication app, String applicationId, Connection from, Map<String, Object> envelope) {
        Object id = envelope.get("id");
        if (!Envelopes.isClientId(id) && !(id instanceof Long)) {
            throw new ClientMessageException(ClientMessageException.BAD_MESSAGE, "A call needs an 'id' for its"
                    + " answer to carry: a string of 1 to " + Envelopes.MAX_ID_LENGTH + " characters, or an integer." + EXAMPLE);
        }
        String name = envelope.get("name") instanceof String n && !n.isEmpty() ? n : null;
        RemoteCall call = new RemoteCall(push, applicationId, from.id(), id, name, meters(app, name));
        if (app == null) {
            call.error(RpcEnvelopes.NOT_FOUND, "No running application has the id '" + applicationId + "'.");
            return;
        }
        if (name == null) {
            call.error(RpcEnvelopes.BAD_MESSAGE, "A call needs a 'name': the function's name, a string." + EXAMPLE);
            return;
        }
        List<?> args = arguments(envelope.get("args"));
        if (args == null) {
            call.error(RpcEnvelopes.BAD_MESSAGE, "A call's 'args' must be an array of the arguments." + EXAMPLE);
            return;
        }
        long timeout = timeout(envelope.get("timeout"));
        if (timeout <= 0) {
            call.error(RpcEnvelopes.BAD_MESSAGE, "A call's 'timeout' must be a positive number of milliseconds.");
            return;
        }
        CallableFunction function = permittedFunction(app, from, call);
        if (function == null) {
            return;
        }
        Object[] bound;
        try {
            bound = function.bind(from, args);
        } catch (InvalidArgumentsException e) {
            call.error(RpcEnvelopes.INVALID_ARGUMENTS, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            failed(app, call, "cannot convert the arguments of", e);
            return;
        }
        Object returned;
        try {
            returned = function.invoke(app.application(), bound);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            failed(app, call, "failed in", e);
            return;
        }
        if (returned instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    failed(app, call, "failed in", unwrap(failure));
                } else {
                    answer(app, call, value);
                }
            });
            if (!call.answered()) {
                schedule(app, call, timeout);
            }
        } else {
            answer(app, call, returned);
        }
    }

    /** @return the function, once the application permits the call and has it; null once the caller is answered */
    private CallableFunction permittedFunction(RunningApplication app, Connection from, RemoteCall call) {
        String name = call.function();
        try {
            if (!app.application().permits(from, name)) {
                call.error(RpcEnvelopes.NOT_PERMITTED, "The application '" + app.id() + "' does not permit this"
                        + " connection to call '" + name + "'.");
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            failed(app, call, "failed deciding whether it permits", e);
            return null;
        }
        CallableFunctions table;
        try {
            table = tables.get(app.application().getClass());
        } catch (LinkageError e) {
            failed(app, call, "cannot load the classes of", e);
            return null;
        }
        CallableFunction function = table.functions().get(name);
        if (function == null) {
            String problem = table.problems().get(name);
            if (problem != null) {
                LOG.error("{}: application '{}': connection {} called '{}', which cannot be called: {}",
                        app.source(), app.id(), call.caller(), name, problem);
                call.error(RpcEnvelopes.FAILED, failure(name));
            } else {
                call.error(RpcEnvelopes.NOT_FOUND, "The application '" + app.id() + "' has no function '" + name
                        + "'.");
            }
        }
        return function;
    }

    private void answer(RunningApplication app, RemoteCall call, Object value) {
        Object result;
        try {
            result = JsonResult.of(value);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: application '{}': function '{}' called by connection {} returned what JSON cannot carry:"
                    + " {}", app.source(), app.id(), call.function(), call.caller(), e.getMessage());
            call.error(RpcEnvelopes.FAILED, failure(call.function()));
            return;
        }
        call.result(result);
    }

    /**
     * Logs the failure, even one that comes after the deadline answered the caller: none goes unseen. A refusal
     * ({@link NotPermittedException}) is no failure: the caller gets {@code not-permitted} with its message.
     */
    private void failed(RunningApplication app, RemoteCall call, String what, Throwable e) {
        if (e instanceof NotPermittedException refused) {
            LOG.debug("Application '{}' refused connection {} in '{}': {}", app.id(), call.caller(), call.function(),
                    refused.getMessage());
            call.error(RpcEnvelopes.NOT_PERMITTED, refused.getMessage());
            return;
        }
        LOG.error("{}: application '{}' {} function '{}' called by connection {}", app.source(), app.id(), what,
                call.function(), call.caller(), e);
        call.error(RpcEnvelopes.FAILED, failure(call.function()));
    }

    private void schedule(RunningApplication app, RemoteCall call, long timeout) {
        ScheduledThreadPoolExecutor scheduler = deadlines;
        if (scheduler == null) {
            return;
        }
        try {
            call.deadline(scheduler.schedule(() -> {
                if (call.error(RpcEnvelopes.TIMED_OUT, "The function '" + call.function() + "' did not complete"
                        + " within " + timeout + " ms.")) {
                    if (timeout >= maxTimeout.toMillis()) {
                        LOG.warn("{}: application '{}': function '{}' called by connection {} did not complete"
                                + " within application.rpcTimeout ({} ms); the caller was answered timed-out",
                                app.source(), app.id(), call.function(), call.caller(), timeout);
                    } else {
                        LOG.debug("Function '{}' of application '{}' did not complete within the {} ms its caller"
                                + " allowed", call.function(), app.id(), timeout);
                    }
                }
            }, timeout, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopping) {
            // The host is stopping: the stage may still complete and answer.
        }
    }

    /** @return the meters of a call, labelled only with names the application has */
    private RpcMetrics.Function meters(RunningApplication app, String name) {
        if (app == null) {
            return metrics.of(RpcMetrics.UNKNOWN, RpcMetrics.UNKNOWN);
        }
        boolean known = false;
        if (name != null) {
            try {
                CallableFunctions table = tables.get(app.application().getClass());
                known = table.functions().containsKey(name) || table.problems().containsKey(name);
            } catch (LinkageError e) {
                // reported when the call itself looks the table up
            }
        }
        return metrics.of(app.id(), known ? name : RpcMetrics.UNKNOWN);
    }

    /** @return the arguments, or null if they are not an array */
    private static List<?> arguments(Object args) {
        if (args == null) {
            return List.of();
        }
        if (args instanceof List<?> list) {
            return list;
        }
        return args instanceof Object[] array ? Arrays.asList(array) : null;
    }

    /** @return the call's deadline in milliseconds, at most the setting's; 0 for a timeout that is not valid */
    private long timeout(Object requested) {
        long max = maxTimeout.toMillis();
        if (requested == null) {
            return max;
        }
        if (!(requested instanceof Number n) || !(n.doubleValue() > 0)) {
            return 0;
        }
        return Math.min(max, (long) Math.ceil(n.doubleValue()));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String failure(String function) {
        return "The function '" + function + "' failed; the server log has the details.";
    }
}
