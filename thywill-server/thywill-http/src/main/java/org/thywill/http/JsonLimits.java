package org.thywill.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The checks a JSON text from a client passes before a parser reads it, whatever carries it: its charset, its nesting
 * (checked on the text, before a parser recurses) and, for a body that arrives in pieces, its size
 * ({@link BoundedBody}).
 */
public final class JsonLimits {

    private JsonLimits() {
    }

    /**
     * @param charset the charset a request declares, or null for none
     * @return whether its body may be read as JSON: none declared (JSON is UTF-8), or UTF-8 by any of its names
     */
    public static boolean utf8(String charset) {
        try {
            return charset == null || Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }

    /**
     * @param json a JSON text
     * @param maxDepth the deepest nesting of arrays and objects allowed, the outermost included
     * @return whether arrays and objects nest deeper than that
     */
    public static boolean tooDeep(CharSequence json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > maxDepth) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    /**
     * Collects a body, up to a size, to be parsed whole. A longer body is read to its end and dropped, then refused:
     * refused while the client still sends, the client's socket could be reset before it read the answer. Past
     * {@code drainFactor} times the limit it is refused at once. Not thread-safe: one request's.
     */
    public static final class BoundedBody {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private final int max;
        private final long drainLimit;
        private long dropped;

        /**
         * @param max the most bytes kept
         * @param drainFactor how many times {@code max} a longer body is read and dropped before it is refused
         */
        public BoundedBody(int max, int drainFactor) {
            this.max = max;
            this.drainLimit = (long) drainFactor * max;
        }

        /**
         * @param buffer the next piece, read whole
         * @return false when the body is to be refused at once, being past the drain limit
         */
        public boolean add(ByteBuffer buffer) {
            if (dropped > 0 || (long) bytes.size() + buffer.remaining() > max) {
                dropped += buffer.remaining();
                buffer.position(buffer.limit());
                return dropped <= drainLimit;
            }
            if (buffer.hasArray()) {
                bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                byte[] copy = new byte[buffer.remaining()];
                buffer.get(copy);
                bytes.write(copy, 0, copy.length);
            }
            return true;
        }

        /** @return whether the body was longer than the limit, to be refused once it ended */
        public boolean oversized() {
            return dropped > 0;
        }

        /** @return the body as UTF-8 text */
        public String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
