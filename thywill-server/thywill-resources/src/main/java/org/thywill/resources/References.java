package org.thywill.resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key: the component holds the key of a row of another record resource of the same application, and its
 * name ends in {@code Id} ({@code userId}). The column gets a foreign key constraint, and the relation, named by the
 * component without {@code Id} ({@code user}), can be expanded ({@code ?expand=user} embeds the row) and filtered
 * across ({@code ?user.user_name=ada}) in the REST API.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface References {

    /** @return the record of the rows referred to, declared as a resource of the same application */
    Class<? extends Record> value();
}
