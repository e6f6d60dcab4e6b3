package org.thywill.client.cometd.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.auth.Authentication;
import org.thywill.http.auth.AuthMessages;

/**
 * Writes authentication's part of replies: {@code ext.thywill.auth} of a successful handshake or refresh (the user
 * and when the token expires), and {@code error} plus {@code ext.thywill.error} of a refused one. Added to the
 * BayeuxServer before Thywill's other extensions so that, replies passing extensions last to first, it merges
 * into {@code ext.thywill} after they wrote theirs.
 */
final class AuthReplies implements BayeuxServer.Extension {

    /** The session attribute holding what the handshake reply tells about its authentication. */
    static final String HANDSHAKE_AUTH = "thywill.auth.reply";
    /** The Bayeux error code of a refusal (Bayeux's {@code code:args:message}). */
    static final int ERROR_CODE = 401;
    /** A field of a refused reply, removed before it leaves, holding the error to send. */
    private static final String REFUSAL = "thywill.authRefusal";

    /**
     * Puts a refusal into a reply, in the form every Thywill refusal takes: {@code ext.thywill.error} and a Bayeux
     * {@code error} of {@code 401:code:message}.
     *
     * @param reply the reply to a handshake or a refresh
     * @param refused the refusal
     */
    static void refuse(ServerMessage.Mutable reply, Authentication.Refused refused) {
        if (reply == null) {
            return;
        }
        merge(reply, "error", AuthMessages.refused(refused));
        // CometD writes its own error (403::handshake_denied, 404::message_deleted) over a refused message's
        // after the policy or listener said no: the reply's way out puts this back.
        reply.put(REFUSAL, ERROR_CODE + ":" + refused.code() + ":" + refused.message());
    }

    /** Puts {@code key} into the reply's {@code ext.thywill}, keeping what is there. */
    static void merge(ServerMessage.Mutable reply, String key, Object value) {
        Map<String, Object> ext = reply.getExt(true);
        Map<String, Object> thywill = new LinkedHashMap<>();
        if (ext.get("thywill") instanceof Map<?, ?> before) {
            before.forEach((k, v) -> thywill.put(String.valueOf(k), v));
        }
        thywill.put(key, value);
        ext.put("thywill", thywill);
    }

    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()
                && to != null && to.getAttribute(HANDSHAKE_AUTH) instanceof Map<?, ?> auth) {
            merge(message, "auth", auth);
        }
        restoreRefusal(message);
        return true;
    }

    @Override
    public boolean send(ServerSession from, ServerSession to, ServerMessage.Mutable message) {
        restoreRefusal(message);
        return true;
    }

    private static void restoreRefusal(ServerMessage.Mutable message) {
        if (message.remove(REFUSAL) instanceof String error) {
            message.setSuccessful(false);
            message.put(Message.ERROR_FIELD, error);
        }
    }
}
