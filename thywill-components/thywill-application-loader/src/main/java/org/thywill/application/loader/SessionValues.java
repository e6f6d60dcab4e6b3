package org.thywill.application.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.thywill.api.ThywillException;
import org.thywill.api.session.SessionAttribute;

/**
 * Turns session attributes' values into the JSON the Database stores, and back into their types, with Jackson
 * (records, enums and generic lists and maps included, which a hand-written converter would have to relearn). One
 * per application: the mapper caches what it learns of the application's classes.
 */
final class SessionValues {

    /** Lenient on reading: a record that lost a component still reads what was stored before. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * @param attribute the key, for its type and for messages
     * @param value a value of its type
     * @return the value's JSON text
     * @throws IllegalArgumentException if the value is not of the attribute's type
     */
    <T> String write(SessionAttribute<T> attribute, T value) {
        if (!attribute.type().isInstance(value)) {
            throw new IllegalArgumentException("Session attribute '" + attribute.name() + "' holds "
                    + attribute.type().getName() + ", not " + value.getClass().getName() + ".");
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Session attribute '" + attribute.name() + "' could not be written as"
                    + " JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param attribute the key, for its type and for messages
     * @param json the stored text
     * @return the value
     * @throws ThywillException if the text does not fit the attribute's type
     */
    <T> T read(SessionAttribute<T> attribute, String json) {
        try {
            return mapper.readValue(json, attribute.type());
        } catch (JsonProcessingException e) {
            throw new ThywillException("Session attribute '" + attribute.name() + "' holds JSON that is not a "
                    + attribute.type().getName() + " (" + e.getOriginalMessage() + "). Was it written under another"
                    + " type with this name? Remove it, or give the new type another name.", e);
        }
    }
}
