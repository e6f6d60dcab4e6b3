package org.thywill.client.cometd;

import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.push.Envelopes;
import org.thywill.http.InboundMessages;

/**
 * Tells a client why its message on {@code /service/thywill/{appId}} was dropped before reaching the application
 * ({@link InboundMessages#refusal}).
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
        from.deliver(null, Envelopes.applicationChannel(applicationId),
                InboundMessages.refusal(message.getData(), code, callCode, reason), Promise.noop());
    }
}
