package org.thywill.remote.document;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route such as {@code /items/{id}} or {@code /items/{id:\d+}}: literal segments and variables, each variable one
 * whole segment, matched by its regular expression ({@code [^/]+} when it names none).
 */
final class RoutePattern {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::(.+))?}");
    private final String source;
    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Pattern> matchers = new ArrayList<>();

    RoutePattern(String source) {
        Routes.requirePath(source);
        this.source = source;
        for (String segment : segments(source)) {
            var m = VARIABLE.matcher(segment);
            if (m.matches()) {
                if (names.contains(m.group(1))) {
                    throw new IllegalArgumentException("The route " + source + " names the variable '" + m.group(1)
                            + "' twice.");
                }
                literals.add(null);
                names.add(m.group(1));
                try {
                    matchers.add(Pattern.compile(m.group(2) == null ? "[^/]+" : m.group(2)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("The route " + source + " has a bad expression for '"
                            + m.group(1) + "': " + e.getDescription(), e);
                }
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("The route " + source + " has a malformed segment '" + segment
                        + "': a variable is a whole segment, {name} or {name:regex}.");
            } else {
                literals.add(segment);
                names.add(null);
                matchers.add(null);
            }
        }
    }

    /**
     * @param path a request's path
     * @return the variables, decoded, if the path matches
     */
    Optional<Map<String, String>> match(String path) {
        List<String> parts = segments(path);
        if (parts.size() != literals.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = decode(parts.get(i));
            if (literals.get(i) != null) {
                if (!literals.get(i).equals(part)) {
                    return Optional.empty();
                }
            } else if (matchers.get(i).matcher(part).matches()) {
                variables.put(names.get(i), part);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
