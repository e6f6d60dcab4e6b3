package org.thywill.apps.tododom;

/** What one page changed, told to every other open page so that each shows it at once. */
sealed interface TodoChange {

    /** @param item the new item */
    record Added(TodoItem item) implements TodoChange {
    }

    /** @param item the item as it is now (text or done changed) */
    record Updated(TodoItem item) implements TodoChange {
    }

    /** @param id the item removed */
    record Removed(long id) implements TodoChange {
    }
}
