package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The longest a {@code String} component may be, in characters: its column is {@code VARCHAR(value)}. Without it a
 * {@code String} is {@code VARCHAR(255)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {

    /** @return the length, 1 to 16383 */
    int value();
}
