package org.thywill.api.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thywill.api.push.EnvelopeType;

/**
 * The envelopes and error codes of remote calls to {@link Callable} functions (documentation/protocol.md, "RPC").
 * A client publishes {@code {"type":"rpc","id":..,"name":..,"args":[..]}} on the application's service channel and
 * receives, on the application's channel, {@code {"type":"rpc-result","id":..,"result":..}} or
 * {@code {"type":"rpc-error","id":..,"error":{"code":..,"message":..}}} carrying the same id. Their kinds are
 * {@link EnvelopeType#CALL}, {@link EnvelopeType#CALL_RESULT} and {@link EnvelopeType#CALL_ERROR}.
 */
public final class RpcEnvelopes {

    /** The application has no callable function by that name. */
    public static final String NOT_FOUND = "not-found";
    /** {@link Application#permits} refused the caller. */
    public static final String NOT_PERMITTED = "not-permitted";
    /** The arguments do not match the function's parameters in number or type. */
    public static final String INVALID_ARGUMENTS = "invalid-arguments";
    /** The function's result did not come before the call's deadline. */
    public static final String TIMED_OUT = "timed-out";
    /** The function threw or its stage failed; the server log has the details. */
    public static final String FAILED = "failed";
    /** The call envelope itself is malformed (no name, arguments that are not an array, a bad timeout). */
    public static final String BAD_MESSAGE = "bad-message";
    /** Given by the browser library alone: the connection ended before the reply came. */
    public static final String DISCONNECTED = "disconnected";

    private RpcEnvelopes() {
    }

    /**
     * @param id the call's id, as the client chose it
     * @param name the function's name
     * @param args the arguments
     * @return {@code {"type":"rpc","id":id,"name":name,"args":args}}
     */
    public static Map<String, Object> call(Object id, String name, List<?> args) {
        Map<String, Object> envelope = EnvelopeType.CALL.envelope(3);
        envelope.put("id", id);
        envelope.put("name", name);
        envelope.put("args", args);
        return envelope;
    }

    /**
     * @param id the call's id
     * @param result the function's result, a JSON value tree
     * @return {@code {"type":"rpc-result","id":id,"result":result}}
     */
    public static Map<String, Object> result(Object id, Object result) {
        Map<String, Object> envelope = EnvelopeType.CALL_RESULT.envelope(2);
        envelope.put("id", id);
        envelope.put("result", result);
        return envelope;
    }

    /**
     * @param id the call's id
     * @param code one of this class's codes
     * @param message what went wrong, for the developer; never an exception's text
     * @return {@code {"type":"rpc-error","id":id,"error":{"code":code,"message":message}}}
     */
    public static Map<String, Object> error(Object id, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>(2);
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> envelope = EnvelopeType.CALL_ERROR.envelope(2);
        envelope.put("id", id);
        envelope.put("error", error);
        return envelope;
    }
}
