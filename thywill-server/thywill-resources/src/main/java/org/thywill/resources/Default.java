package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value the database gives the column when a new row leaves it out, so a create need not give it: a literal of
 * the component's type ({@code "false"}, {@code "0"}, {@code "draft"}, {@code "2026-01-01"}), or {@value #NOW} for an
 * {@code Instant} (the time of the insert). A value the type cannot hold stops start-up naming the component.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {

    /** The time of the insert, for an {@code Instant} component. */
    String NOW = "now";

    /** @return the default, as text */
    String value();
}
