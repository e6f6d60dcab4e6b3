package org.thywill.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request a resource refuses, with the HTTP status the REST API answers and, for a bad value, the field at fault:
 * 400 (a value of the wrong type, a required column missing, an unknown column or parameter), 403 (the
 * {@link AccessRule} refused), 404 (no such row), 409 (a unique column's value is taken, or a referred row is
 * missing) or 503 (the database did not answer). Application code calling {@link Resource} gets it thrown.
 */
public final class ResourceException extends RuntimeException {

    private final int status;
    private final String field;

    /**
     * @param status the HTTP status
     * @param field the field at fault, or null
     * @param message what is wrong and what to change
     */
    public ResourceException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /**
     * @param status the HTTP status
     * @param field the field at fault, or null
     * @param message what is wrong and what to change
     * @param cause the underlying failure
     */
    public ResourceException(int status, String field, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.field = field;
    }

    static ResourceException badField(String field, String message) {
        return new ResourceException(400, field, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the field at fault, if one is */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** @return the JSON body the REST API answers: {@code {"error": {"status", "field", "message"}}} */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", getMessage());
        return Map.of("error", error);
    }
}
