package org.thywill.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import org.thywill.api.http.HttpRequest;

/**
 * Reads the JSON object a write request carries, for the REST API and for an application's own endpoints, with
 * Jackson (strict JSON: no trailing text, no leading zeros; integers as {@link Long}). Thread-safe.
 */
public final class JsonBodies {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    /** A reader; one serves any number of endpoints. */
    public JsonBodies() {
    }

    /**
     * @param request a request whose body is JSON text
     * @param expected what the body must be, for the refusal: {@code a JSON object of columns, such as {"name": 1}}
     * @return the body's object, its keys in order
     * @throws ResourceException 400 saying why, when the body is not JSON or not an object
     */
    public Map<String, Object> object(HttpRequest request, String expected) {
        Object parsed;
        try {
            parsed = mapper.readValue(request.body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new ResourceException(400, null, "The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ResourceException(400, null, "The body could not be read: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ResourceException(400, null, "The body must be " + expected + ".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }
}
