package org.thywill.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.cometd.common.JSONContext;
import org.cometd.common.JettyJSONContextClient;

/**
 * The client-side twin of the server's JSON context: arrays as Lists, and HTTP bodies parsed whole by the same
 * parser as WebSocket frames, because Jetty's incremental parser fails on {@code {"points":[[1,2]]}}.
 */
final class ListArraysClientJson extends JettyJSONContextClient {

    ListArraysClientJson() {
        getJSON().setArrayConverter(list -> list);
    }

    @Override
    public JSONContext.AsyncParser newAsyncParser() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        return new JSONContext.AsyncParser() {
            @Override
            public void parse(ByteBuffer buffer) {
                byte[] copy = new byte[buffer.remaining()];
                buffer.get(copy);
                bytes.write(copy, 0, copy.length);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <R> R complete() {
                try {
                    return (R) ListArraysClientJson.this.parse(bytes.toString(StandardCharsets.UTF_8));
                } catch (ParseException e) {
                    throw new IllegalArgumentException(e);
                }
            }
        };
    }
}
