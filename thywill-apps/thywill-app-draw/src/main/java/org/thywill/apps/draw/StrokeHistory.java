package org.thywill.apps.draw;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The last strokes, oldest first, for pages that open later. Not thread-safe: its owner guards it. */
final class StrokeHistory {

    private final int capacity;
    private final Deque<Stroke> strokes = new ArrayDeque<>();

    /** @param capacity how many strokes to keep; older ones are forgotten */
    StrokeHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(Stroke stroke) {
        if (strokes.size() == capacity) {
            strokes.removeFirst();
        }
        strokes.addLast(stroke);
    }

    void clear() {
        strokes.clear();
    }

    /** @return the strokes, oldest first, as pages receive them */
    List<Map<String, Object>> toJson() {
        return strokes.stream().map(Stroke::toJson).toList();
    }
}
