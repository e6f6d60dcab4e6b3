package org.thywill.apps.todo;

import java.util.List;
import java.util.Map;

/** The shapes of everything the todo list sends, in one place so the page's script and this agree. */
final class TodoEvents {

    private TodoEvents() {
    }

    /** The whole list, for a page that just connected. */
    static Map<String, Object> items(List<TodoItem> items) {
        return Map.of("items", items.stream().map(TodoItem::toJson).toList());
    }

    static Map<String, Object> added(TodoItem item) {
        return Map.of("added", item.toJson());
    }

    static Map<String, Object> removed(long id) {
        return Map.of("removed", id);
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
