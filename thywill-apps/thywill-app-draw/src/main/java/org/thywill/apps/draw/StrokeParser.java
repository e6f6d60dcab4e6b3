package org.thywill.apps.draw;

import static org.thywill.apps.draw.DrawRequest.MAX_COORDINATE;
import static org.thywill.apps.draw.DrawRequest.MAX_POINTS;
import static org.thywill.apps.draw.DrawRequest.MAX_WIDTH;
import static org.thywill.apps.draw.DrawRequest.MIN_WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.thywill.apps.draw.DrawRequest.Draw;
import org.thywill.apps.draw.DrawRequest.Invalid;

/** The rules for a stroke's fields: {@link DrawRequest#parse} uses them for {@code {"stroke": ...}}. */
final class StrokeParser {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> FIELDS = Set.of("color", "width", "points");

    private StrokeParser() {
    }

    static DrawRequest parse(Object value) {
        if (!(value instanceof Map<?, ?> stroke) || !stroke.keySet().equals(FIELDS)) {
            return new Invalid("A stroke is {\"color\": \"#rrggbb\", \"width\": " + MIN_WIDTH + " to " + MAX_WIDTH
                    + ", \"points\": [[x, y], ...]} and nothing else.");
        }
        if (!(stroke.get("color") instanceof String color) || !COLOR.matcher(color).matches()) {
            return new Invalid("A stroke's color is #rrggbb, such as #1f77b4.");
        }
        Number width = number(stroke.get("width"), MIN_WIDTH, MAX_WIDTH);
        if (width == null) {
            return new Invalid("A stroke's width is a number from " + MIN_WIDTH + " to " + MAX_WIDTH + ".");
        }
        if (!(stroke.get("points") instanceof List<?> points) || points.isEmpty() || points.size() > MAX_POINTS) {
            return new Invalid("A stroke has 1 to " + MAX_POINTS + " points; send a longer line as several strokes.");
        }
        List<List<Number>> checked = new ArrayList<>(points.size());
        for (Object point : points) {
            List<Number> xy = point(point);
            if (xy == null) {
                return new Invalid("Each point is [x, y], with x and y numbers from 0 to " + MAX_COORDINATE + ".");
            }
            checked.add(xy);
        }
        return new Draw(new Stroke(color, width, checked));
    }

    private static List<Number> point(Object value) {
        if (!(value instanceof List<?> xy) || xy.size() != 2) {
            return null;
        }
        Number x = number(xy.get(0), 0, MAX_COORDINATE);
        Number y = number(xy.get(1), 0, MAX_COORDINATE);
        return x == null || y == null ? null : List.of(x, y);
    }

    /** @return the value if it is a Long or a finite Double within the bounds, else null */
    private static Number number(Object value, double min, double max) {
        if (value instanceof Long || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d) && d >= min && d <= max) {
                return (Number) value;
            }
        }
        return null;
    }
}
