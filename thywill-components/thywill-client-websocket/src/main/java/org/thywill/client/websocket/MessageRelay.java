package org.thywill.client.websocket;

import java.util.Map;
import java.util.Optional;
import org.thywill.api.Bootstrap;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Envelopes;
import org.thywill.http.InboundMessages;

/**
 * Hands the envelope of every {@code send} frame to the router, after the delivery protocol took what is its own,
 * as the Bayeux transport does with a publish on {@code /service/thywill/{appId}}. Only a send that reached the
 * application (or the delivery protocol) and was handled is {@code accepted}; a refusal or a failure is
 * {@code refused} under the send's ref, or an error envelope on the application's channel for a send without one.
 */
final class MessageRelay {

    private final Bootstrap bootstrap;
    private final InboundMessages inbound;

    MessageRelay(Bootstrap bootstrap, InboundMessages inbound) {
        this.bootstrap = bootstrap;
        this.inbound = inbound;
    }

    /**
     * @param socket the sender's socket
     * @param from its connection
     * @param frame the send frame
     * @param ref its ref, or null
     * @throws FrameException when the frame is not a send's shape
     */
    void send(PlainSocket socket, Connection from, Map<String, Object> frame, String ref) throws FrameException {
        if (!(frame.getOrDefault("application", from.applicationId()) instanceof String applicationId)) {
            throw new FrameException(FrameException.BAD_FRAME, "\"application\" is an application's id; leave it"
                    + " out to send to the hello's.");
        }
        if (!(frame.get("data") instanceof Map<?, ?> data)) {
            throw new FrameException(FrameException.BAD_FRAME, "A send carries its envelope in \"data\", such as"
                    + " {\"op\":\"send\",\"data\":{\"type\":\"message\",\"data\":\"hi\"}}.");
        }
        if (!bootstrap.applicationIds().contains(applicationId)) {
            refuse(socket, ref, frame, ClientMessageException.UNKNOWN_APPLICATION, "No application by that id runs"
                    + " here; the applications are " + String.join(", ", bootstrap.applicationIds()) + ".");
            return;
        }
        Optional<Map<String, Object>> error = inbound.handle(from, applicationId, data);
        if (error.isPresent()) {
            failed(socket, ref, frame, applicationId, error.get());
        } else if (ref != null) {
            socket.send(Frames.frame("accepted", ref));
        }
    }

    /**
     * A send the router refused or the application failed on is never {@code accepted}: with a ref it is
     * {@code refused}, as a Bayeux publish's reply is unsuccessful, so that the client's promise rejects; without
     * one, the error envelope on the application's channel is the only way to tell it.
     */
    private static void failed(PlainSocket socket, String ref, Map<String, Object> frame, String applicationId,
                               Map<String, Object> error) {
        if (ref != null && error.get("error") instanceof Map<?, ?> problem) {
            refuse(socket, ref, frame, (String) problem.get("code"), (String) problem.get("message"));
        } else {
            socket.send(message(applicationId, error));
        }
    }

    /**
     * Tells a client its frame was dropped: {@code refused} under its ref (else {@code error}), and a call also its
     * {@code rpc-error} under the call's id, so that its promise settles at once.
     *
     * @param socket the sender's socket
     * @param ref the frame's ref, or null
     * @param frame the frame
     * @param code the error code
     * @param message what happened and what to change
     */
    static void refuse(PlainSocket socket, String ref, Map<String, Object> frame, String code, String message) {
        if (frame.get("data") instanceof Map<?, ?> data && EnvelopeType.CALL.is(data) && data.get("id") != null
                && frame.get("application") instanceof String applicationId && Envelopes.isName(applicationId, 0)) {
            String callCode = code.equals(ClientMessageException.UNKNOWN_APPLICATION) ? RpcEnvelopes.NOT_FOUND : code;
            socket.send(message(applicationId, RpcEnvelopes.error(data.get("id"), callCode, message)));
        }
        socket.send(Frames.problem(ref != null ? "refused" : "error", ref, code, message));
    }

    private static Map<String, Object> message(String applicationId, Map<String, Object> envelope) {
        Map<String, Object> frame = Frames.frame("message", null);
        frame.put("channel", Envelopes.applicationChannel(applicationId));
        frame.put("data", envelope);
        return frame;
    }
}
