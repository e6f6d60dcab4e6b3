package org.thywill.resources;

import java.util.Locale;

/**
 * A foreign key of one resource's table to the key of another resource of the same application, named by its
 * column without {@code _id} ({@code user_id} gives {@code user}): the REST API expands it ({@code ?expand=user})
 * and filters across it ({@code ?user.user_name=ada}), and the generated pages show and choose the row it refers to.
 *
 * @param name the relation's name
 * @param column the referring column
 * @param target the resource referred to
 */
record Relation(String name, Column column, Resource target) {

    /**
     * @param column a foreign-key column
     * @return the name of its relation, or null if the column's name does not end in {@code _id}
     */
    static String nameOf(Column column) {
        String lower = column.name().toLowerCase(Locale.ROOT);
        return lower.endsWith("_id") && lower.length() > 3 ? lower.substring(0, lower.length() - 3) : null;
    }
}
