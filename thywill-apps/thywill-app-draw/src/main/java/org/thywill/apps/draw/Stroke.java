package org.thywill.apps.draw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validated stroke: a line through its points, or a dot when it has one. Numbers keep the type the page sent
 * them with (Long or Double), so every other page receives exactly what was drawn.
 *
 * @param color the colour, {@code #rrggbb}
 * @param width the line's width, 1 to 50
 * @param points 1 to 500 points, each {@code [x, y]} within 0 to 10000
 */
record Stroke(String color, Number width, List<List<Number>> points) {

    /** Copies the points, so the history never shares a list with anyone. */
    Stroke {
        points = points.stream().map(List::copyOf).toList();
    }

    /** @return {@code {"color": ..., "width": ..., "points": [[x, y], ...]}} */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("color", color);
        json.put("width", width);
        json.put("points", points);
        return json;
    }
}
