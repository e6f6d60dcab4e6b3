package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table a record resource is stored in, when not the default {@code {applicationId}_{record_name}} (an
 * application {@code twooter} and a record {@code User} give {@code twooter_user}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** @return the table's name: letters, digits and {@code _} */
    String value();
}
