package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a component of a reference type ({@code String}, {@code Long}, {@code Instant} ...) hold null: its column is
 * {@code NULL}. Every other component is {@code NOT NULL}. (An annotation of this simple name from another library,
 * such as JSpecify's or Jakarta's, is honoured too.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
