package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;

/**
 * Tells a client why its message on {@code /service/thywill/{appId}} was dropped before reaching the application:
 * an {@code rpc-error} under the call's id for a remote call, so that its promise settles at once, else a plain
 * error envelope.
 */
final class Refusal {

    private Refusal() {
    }

    /**
     * @param from the sender
     * @param message its message, on an application's service channel
     * @param code the error code
     * @param reason what happened and what to change
     */
    static void tell(ServerSession from, ServerMessage message, String code, String reason) {
        tell(from, message, code, code, reason);
    }

    /**
     * @param from the sender
     * @param message its message, on an application's service channel
     * @param code the error code of a plain error envelope
     * @param callCode the error code of a remote call's {@code rpc-error}, where the two protocols differ
     * @param reason what happened and what to change
     */
    static void tell(ServerSession from, ServerMessage message, String code, String callCode, String reason) {
        String applicationId = message.getChannel().substring(ChannelPolicy.SERVICE_PREFIX.length());
        Object callId = message.getData() instanceof Map<?, ?> data && EnvelopeType.CALL.is(data)
                ? data.get("id") : null;
        from.deliver(null, Envelopes.applicationChannel(applicationId), callId != null
                ? RpcEnvelopes.error(callId, callCode, reason)
                : Envelopes.error(code, reason), Promise.noop());
    }
}
