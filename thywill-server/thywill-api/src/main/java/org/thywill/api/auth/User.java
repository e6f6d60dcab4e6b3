package org.thywill.api.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as the host application knows them: the id its login gave, and the claims that came with it (a signed
 * token's claims, or what the host application's login callback answered). Immutable.
 *
 * @param id the user's id, never blank: the same on every device and session of that person
 * @param claims the other facts about the user, as JSON values (String, Number, Boolean, List, Map, null)
 */
public record User(String id, Map<String, Object> claims) {

    /** Validates and copies. */
    public User {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A user's id must not be blank");
        }
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /**
     * @param name a claim's name, for example {@code name} or {@code roles}
     * @return its value, empty when the user has no such claim (or it is null)
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
