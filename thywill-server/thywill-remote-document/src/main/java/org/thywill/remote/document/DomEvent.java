package org.thywill.remote.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser event as a handler receives it, with the fields that matter already filled in by the browser, so no
 * second round trip is needed to learn what was typed or which key was pressed.
 *
 * @param type the event's type, such as {@code click} or {@code input}
 * @param value the value of the element listened on (or of the event's target) when it has one: an input's,
 *              textarea's or select's text; null otherwise
 * @param checked a checkbox's or radio button's state, or null
 * @param key for keyboard events, {@code KeyboardEvent.key} (such as {@code Enter}); null otherwise
 * @param modifiers the modifier keys held: {@code alt}, {@code ctrl}, {@code shift}, {@code meta}
 * @param x for mouse events, the pointer's position in the viewport; null otherwise
 * @param y likewise
 * @param targetId the {@code id} attribute of the element the event happened on, or null
 * @param data the {@code data-*} attributes of the element listened on, by {@code dataset} name
 * @param form for a form's events, its fields by name (text fields only); empty otherwise
 */
public record DomEvent(String type, String value, Boolean checked, String key, List<String> modifiers, Double x,
                       Double y, String targetId, Map<String, String> data, Map<String, String> form) {

    /** Copies. */
    public DomEvent {
        modifiers = List.copyOf(modifiers);
        data = Map.copyOf(data);
        form = Map.copyOf(form);
    }

    /**
     * @param name a form field's name
     * @return its value, if the event carried the form and it has that field
     */
    public Optional<String> field(String name) {
        return Optional.ofNullable(form.get(name));
    }

    /** @return true when the checkbox or radio button is checked; false when unchecked or not one */
    public boolean isChecked() {
        return Boolean.TRUE.equals(checked);
    }
}
