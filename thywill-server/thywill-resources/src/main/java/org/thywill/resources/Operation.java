package org.thywill.resources;

/** What a caller asks to do with a resource; an {@link AccessRule} decides per operation. */
public enum Operation {
    /** List rows ({@code GET /api/{app}/{resource}}), and watch the whole resource live. */
    LIST,
    /** Read one row ({@code GET /api/{app}/{resource}/{id}}), and watch that row live. */
    READ,
    /** Create a row ({@code POST /api/{app}/{resource}}). */
    CREATE,
    /** Change a row ({@code PUT} or {@code PATCH /api/{app}/{resource}/{id}}). */
    UPDATE,
    /** Delete a row ({@code DELETE /api/{app}/{resource}/{id}}). */
    DELETE;

    /** @return true for {@link #LIST} and {@link #READ} */
    public boolean isRead() {
        return this == LIST || this == READ;
    }
}
