package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The event handlers of the view a document shows, by the listener id the browser reports events with. */
final class Listeners {

    record Listener(int id, Element element, String type, EventHandler handler) {
    }

    private final Map<Integer, Listener> byId = new ConcurrentHashMap<>();

    void add(Listener listener) {
        byId.put(listener.id(), listener);
    }

    /** @return the ids removed: those added for this element (the same reference) and type */
    List<Integer> remove(Element element, String type) {
        List<Integer> removed = new ArrayList<>();
        byId.values().removeIf(l -> {
            boolean match = l.element().ref().equals(element.ref()) && l.type().equals(type);
            if (match) {
                removed.add(l.id());
            }
            return match;
        });
        return removed;
    }

    Listener get(int id) {
        return byId.get(id);
    }

    void clear() {
        byId.clear();
    }
}
