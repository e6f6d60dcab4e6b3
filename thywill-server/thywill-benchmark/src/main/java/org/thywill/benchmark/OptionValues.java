package org.thywill.benchmark;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What picocli does not check for the benchmark's options: durations written {@code 500ms}, {@code 10s} or
 * {@code 2m}, and bounds, so that a mistyped number fails at once with the option's name rather than in the middle
 * of a run.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** Reads a duration: a number followed by {@code ms}, {@code s} (the default unit) or {@code m}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

        /** Made by picocli. */
        public DurationConverter() {
        }

        @Override
        public Duration convert(String text) {
            Matcher m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                throw new TypeConversionException("a duration such as 500ms, 10s or 2m, not '" + text + "'");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }

    /**
     * @param option the option's name, such as {@code --clients}
     * @param value its value
     * @param min the least value accepted
     * @param max the largest value accepted
     * @return the value
     * @throws IllegalArgumentException naming the option and its bounds when the value is out of them
     */
    public static int within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value
                    + ".");
        }
        return value;
    }

    /**
     * @param option the option's name, such as {@code --hold}
     * @param value its value
     * @param min the shortest accepted
     * @param max the longest accepted
     * @return the value
     * @throws IllegalArgumentException naming the option and its bounds when the value is out of them
     */
    public static Duration within(String option, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must be between " + min.toMillis() + " ms and "
                    + max.toSeconds() + " s, not " + value.toMillis() + " ms.");
        }
        return value;
    }
}
