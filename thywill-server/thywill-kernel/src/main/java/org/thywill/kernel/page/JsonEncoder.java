package org.thywill.kernel.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/**
 * The kernel's one JSON encoder (Jackson): the configuration inlined in each page, and the value trees endpoints
 * answer with ({@link HttpResponse#json(int, Object)}), so no component or application needs its own. Escapes
 * {@code <} and the JavaScript line separators, which keeps {@code </script>} harmless when
 * the JSON is inlined in a page. Thread-safe.
 */
final class JsonEncoder {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    JsonEncoder() {
        mapper.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    /**
     * @param value a JSON value tree
     * @return its compact JSON text
     * @throws IllegalArgumentException for a value that is not JSON
     */
    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param response an endpoint's answer
     * @return the same, with its value tree, if any, encoded as the body
     */
    HttpResponse encode(HttpResponse response) {
        if (response == null || response.json() == null) {
            return response;
        }
        try {
            return response.withBody(mapper.writeValueAsBytes(response.json().value()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param endpoint a component's endpoint
     * @return the same endpoint, whose value-tree answers come out encoded
     */
    HttpEndpoint encoding(HttpEndpoint endpoint) {
        return new HttpEndpoint() {
            @Override
            public String pathPrefix() {
                return endpoint.pathPrefix();
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return encode(endpoint.handle(request));
            }

            @Override
            public boolean ownOriginOnly() {
                return endpoint.ownOriginOnly();
            }

            @Override
            public String toString() {
                return endpoint.toString();
            }
        };
    }

    /** Jackson's standard escapes, plus {@code <} for an HTML page and the line separators for JavaScript. */
    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            ascii['<'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializedString getEscapeSequence(int ch) {
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029")
                    : null;
        }
    }
}
