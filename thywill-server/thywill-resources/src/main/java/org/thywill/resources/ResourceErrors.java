package org.thywill.resources;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import java.util.Optional;

/** Turns a resource's database failures and missing rows into the {@link ResourceException} a caller can act on. */
final class ResourceErrors {

    private final String name;

    ResourceErrors(String name) {
        this.name = name;
    }

    /** @return 409 naming the column in conflict when the store can tell, 400 for a value refused, else 503 */
    ResourceException conflictOr(SQLException e, TableStore store, Map<Column, Object> values, Object id) {
        if (isIntegrityViolation(e)) {
            try {
                Optional<ResourceException> explained = store.explainConflict(values, id);
                if (explained.isPresent()) {
                    explained.get().initCause(e);
                    return explained.get();
                }
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            return new ResourceException(409, null, "The change conflicts with the table's constraints.", e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            return new ResourceException(400, null, "The database refused one of the values (out of range or"
                    + " too long for its column).", e);
        }
        return unavailable(e);
    }

    /** @return 409 if the deletion failed because other rows refer to the row, else 503 */
    ResourceException deleteRefused(SQLException e, Object id) {
        if (isIntegrityViolation(e)) {
            return new ResourceException(409, null, "Other rows refer to " + name + " " + id
                    + "; delete or change them first.", e);
        }
        return unavailable(e);
    }

    ResourceException unavailable(SQLException e) {
        return new ResourceException(503, null, "The database did not answer for " + name + "; try again in a"
                + " moment.", e);
    }

    ResourceException notFound(Object id) {
        return new ResourceException(404, null, "There is no row " + id + " in " + name + ".");
    }

    ResourceException notStarted() {
        return new ResourceException(503, null, "The resource " + name + " is not started yet.");
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException
                || e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
