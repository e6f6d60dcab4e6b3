package org.thywill.client.cometd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.common.JSONContext;
import org.cometd.server.JettyJSONContextServer;
import org.thywill.http.JsonLimits;

/**
 * CometD's JSON context with two corrections, so applications receive the same values whatever the transport:
 * JSON arrays nested in data become {@link java.util.List}s (the default gives {@code Object[]} on WebSocket), and
 * HTTP bodies are parsed by the same parser as WebSocket frames, because Jetty's incremental parser fails on an
 * array nested in an array inside an object ({@code {"points":[[1,2]]}}). It also marks the messages of a text
 * larger than {@code maxMessageSize} bytes ({@link OversizedMessages#OVERSIZED}), so that a WebSocket frame over the
 * limit is answered with an error instead of closing the socket. What is not Bayeux ({@link BayeuxShape}) is refused
 * before CometD reads it: an HTTP body with a {@link MalformedBayeux} thrown (answered by {@link BayeuxServlet}), a
 * WebSocket text with a stand-in message answered by {@link MalformedMessages}, as CometD would close the socket.
 */
final class ListArraysJsonContext extends JettyJSONContextServer {

    private final int maxMessageSize;

    /** @param maxMessageSize the largest text a client may send, in bytes */
    ListArraysJsonContext(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        getJSON().setArrayConverter(list -> list);
    }

    /** Parses a WebSocket text: a malformed one becomes a stand-in that is answered with its error. */
    @Override
    public List<ServerMessage.Mutable> parse(String json) {
        try {
            return parseBayeux(json);
        } catch (MalformedBayeux e) {
            return List.of(e.standIn());
        }
    }

    /** @throws MalformedBayeux if the text is not Bayeux */
    private List<ServerMessage.Mutable> parseBayeux(String json) {
        BayeuxShape.checkDepth(json);
        List<ServerMessage.Mutable> messages;
        try {
            messages = BayeuxShape.messages(super.parse(json));
        } catch (ParseException e) {
            throw new MalformedBayeux(400, null, null, "not JSON");
        }
        // A char is one to three UTF-8 bytes: count the bytes only when the length alone does not decide.
        if (json.length() * 3L > maxMessageSize) {
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxMessageSize) {
                messages.forEach(m -> m.put(OversizedMessages.OVERSIZED, bytes));
            }
        }
        return messages;
    }

    @Override
    public JSONContext.AsyncParser newAsyncParser() {
        return new Buffering();
    }

    /** How many times maxMessageSize an oversized body is read and dropped before it is refused mid-way. */
    static final int DRAIN_FACTOR = 64;

    /** Collects an HTTP body ({@link JsonLimits.BoundedBody}) and parses it whole; a longer one is refused with 413. */
    private final class Buffering implements JSONContext.AsyncParser {
        private final JsonLimits.BoundedBody body = new JsonLimits.BoundedBody(maxMessageSize, DRAIN_FACTOR);

        @Override
        public void parse(ByteBuffer buffer) {
            if (!body.add(buffer)) {
                throw tooBig();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R complete() {
            if (body.oversized()) {
                throw tooBig();
            }
            return (R) parseBayeux(body.text());
        }

        private MalformedBayeux tooBig() {
            return new MalformedBayeux(413, null, null, "more than the " + maxMessageSize
                    + " bytes this server accepts at once");
        }
    }
}
