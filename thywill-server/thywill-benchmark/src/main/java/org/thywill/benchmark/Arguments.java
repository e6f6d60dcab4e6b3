package org.thywill.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line of {@code --name value} (or {@code --name=value}) pairs, read with bounds so that a mistyped
 * number fails at once with the option's name rather than in the middle of a run.
 */
public final class Arguments {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args the command line
     * @return the options it names
     * @throws IllegalArgumentException for a word that is not an option or an option without a value
     */
    public static Arguments parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new IllegalArgumentException("Expected an option such as --clients, not '" + arg + "'.");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (arg.equals("--help")) {
                values.put("help", "true");
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Option " + arg + " needs a value.");
            }
        }
        return new Arguments(values);
    }

    /**
     * @param known the option names a command accepts
     * @throws IllegalArgumentException naming the first unknown option and listing the known ones
     */
    public void rejectUnknown(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name) && !name.equals("help")) {
                throw new IllegalArgumentException("Unknown option --" + name + ". The options are: --"
                        + String.join(", --", new TreeSet<>(known)) + ".");
            }
        }
    }

    /**
     * @param name an option name
     * @return true if the command line gives it
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * @param name an option name
     * @param fallback its default
     * @return its value, or the default
     */
    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * @param name an option name
     * @param fallback its default
     * @param min the least value accepted
     * @param max the largest value accepted
     * @return its value
     * @throws IllegalArgumentException when it is not a whole number in range
     */
    public int integer(String name, int fallback, int min, int max) {
        String text = values.get(name);
        int value;
        try {
            value = text == null ? fallback : Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + text + "'.", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max
                    + ", not " + value + ".");
        }
        return value;
    }

    /**
     * @param name an option name
     * @param fallback its default
     * @param min the shortest accepted
     * @param max the longest accepted
     * @return its value: a number followed by {@code ms}, {@code s} (the default unit) or {@code m}
     * @throws IllegalArgumentException when it is not such a duration in range
     */
    public Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String text = values.get(name);
        Duration value = text == null ? fallback : parseDuration(name, text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("--" + name + " must be between " + min.toMillis() + " ms and "
                    + max.toSeconds() + " s, not " + value.toMillis() + " ms.");
        }
        return value;
    }

    private static Duration parseDuration(String name, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 500ms, 10s or 2m, not '"
                    + text + "'.");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
