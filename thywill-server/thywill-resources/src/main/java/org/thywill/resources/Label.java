package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component that names a row to people: the generated pages show it where another resource refers to the row
 * (a post shows its user's {@code user_name}, not the id). Without it, the first unique text component, else the first
 * text component, else the key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Label {
}
