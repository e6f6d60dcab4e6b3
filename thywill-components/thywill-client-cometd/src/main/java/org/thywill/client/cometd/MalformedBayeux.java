package org.thywill.client.cometd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.server.ServerMessageImpl;
import org.eclipse.jetty.util.ajax.JSON;

/**
 * Why a Bayeux text was refused before CometD handled it: an HTTP status, the channel and id to answer on when the
 * offending message had usable ones, and a reason for the client. Thrown without a stack trace: it is the client's
 * mistake, answered in Bayeux's error shape ({@code [{"channel":...,"successful":false,"error":"400::..."}]}).
 */
final class MalformedBayeux extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** The channel of the reply when the offending message had no valid one. */
    static final String UNKNOWN_CHANNEL = "/meta/unknown";
    /** The field of a stand-in message ({@link #standIn}) that carries the error to answer with. */
    static final String FIELD = "thywill.malformed";

    private final int status;
    private final String channel;
    private final String id;

    /**
     * @param status the HTTP status: 400, 413 or 415
     * @param channel the channel to answer on, or null for {@value #UNKNOWN_CHANNEL}
     * @param id the id of the offending message, or null
     * @param reason what was wrong, for the client; never exception text
     */
    MalformedBayeux(int status, String channel, String id, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.channel = channel == null ? UNKNOWN_CHANNEL : channel;
        this.id = id;
    }

    int status() {
        return status;
    }

    /** @return Bayeux's error text, such as {@code 400::not a list of Bayeux messages} */
    String error() {
        return status + "::" + getMessage();
    }

    /** @return the reply as Bayeux would send it over HTTP: a JSON array of one error message */
    String replyJson() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put(Message.CHANNEL_FIELD, channel);
        if (id != null) {
            reply.put(Message.ID_FIELD, id);
        }
        reply.put(Message.SUCCESSFUL_FIELD, false);
        reply.put(Message.ERROR_FIELD, error());
        return new JSON().toJSON(List.of(reply));
    }

    /**
     * @return a message that stands in for the refused text over WebSocket, where CometD would close the socket on a
     *         parse failure: {@link MalformedMessages} answers it with this error and the socket carries on
     */
    ServerMessage.Mutable standIn() {
        ServerMessageImpl message = new ServerMessageImpl();
        message.setChannel(channel);
        if (id != null) {
            message.setId(id);
        }
        message.put(FIELD, error());
        return message;
    }
}
