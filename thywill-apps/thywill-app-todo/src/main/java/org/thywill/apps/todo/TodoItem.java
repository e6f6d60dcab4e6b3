package org.thywill.apps.todo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the list, as stored and as pages receive it.
 *
 * @param id the database's id, which also orders the list
 * @param text what to do, trimmed
 */
record TodoItem(long id, String text) {

    /** @return {@code {"id": ..., "text": ...}} */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("text", text);
        return json;
    }
}
