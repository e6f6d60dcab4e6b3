package org.thywill.client.cometd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Bayeux;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.ServerMessage;
import org.thywill.http.JsonLimits;

/**
 * Checks that a text is Bayeux before CometD reads it: nesting no deeper than {@value #MAX_DEPTH} (checked on the
 * text, before a parser recurses), then a non-empty array of objects whose fields CometD reads have the types it
 * casts them to. CometD would otherwise fail on them with a class cast, answered with HTTP 500 or a WebSocket close
 * carrying the exception's text.
 */
final class BayeuxShape {

    /** The deepest nesting of arrays and objects a text may have, the outer array included. */
    static final int MAX_DEPTH = 64;

    private BayeuxShape() {
    }

    /** @throws MalformedBayeux if arrays and objects nest deeper than {@value #MAX_DEPTH} */
    static void checkDepth(CharSequence json) {
        if (JsonLimits.tooDeep(json, MAX_DEPTH)) {
            throw new MalformedBayeux(400, null, null, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * @param parsed what the JSON parser made of the text
     * @return the messages
     * @throws MalformedBayeux if it is not a non-empty list of Bayeux messages with well-typed fields
     */
    static List<ServerMessage.Mutable> messages(Object parsed) {
        if (!(parsed instanceof List<?> list) || list.isEmpty()) {
            throw new MalformedBayeux(400, null, null, "not a list of Bayeux messages");
        }
        List<ServerMessage.Mutable> messages = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof ServerMessage.Mutable message)) {
                throw new MalformedBayeux(400, null, null, "not a list of Bayeux messages");
            }
            check(message, list.size());
            messages.add(message);
        }
        return messages;
    }

    private static void check(ServerMessage.Mutable message, int batch) {
        Object channel = message.get(Message.CHANNEL_FIELD);
        String replyChannel = channel instanceof String name && Bayeux.Validator.isValidChannelId(name) ? name : null;
        Object id = message.get(Message.ID_FIELD);
        String replyId = id instanceof String text && Bayeux.Validator.isValidMessageId(text) ? text : null;
        String wrong = channel == null ? "channel missing"
                : !(channel instanceof String) ? "channel must be a string"
                : id != null && !(id instanceof String) && !(id instanceof Long) ? "id must be a string"
                : notString(message, Message.CLIENT_ID_FIELD) ? "clientId must be a string"
                : notString(message, Message.CONNECTION_TYPE_FIELD) ? "connectionType must be a string"
                : notString(message, Message.VERSION_FIELD) ? "version must be a string"
                : notString(message, Message.MIN_VERSION_FIELD) ? "minimumVersion must be a string"
                : notMap(message, Message.EXT_FIELD) ? "ext must be an object"
                : notMap(message, Message.ADVICE_FIELD) ? "advice must be an object"
                : message.getExt() != null && notMap(message.getExt(), "thywill") ? "ext.thywill must be an object"
                : Channel.META_HANDSHAKE.equals(channel) && batch > 1 ? "a handshake must be sent alone"
                : null;
        if (wrong != null) {
            throw new MalformedBayeux(400, replyChannel, replyId, wrong);
        }
    }

    private static boolean notString(Map<String, Object> message, String field) {
        Object value = message.get(field);
        return value != null && !(value instanceof String);
    }

    private static boolean notMap(Map<String, Object> message, String field) {
        Object value = message.get(field);
        return value != null && !(value instanceof Map);
    }
}
