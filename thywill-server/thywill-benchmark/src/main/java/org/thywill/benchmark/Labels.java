package org.thywill.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names the benchmark's choices go by on the command line and in reports: the constant's name in lower case,
 * with '-' for '_' ({@code CONNECT_STORM} is {@code connect-storm}).
 */
final class Labels {

    private Labels() {
    }

    /** @return the constant's name on the command line */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param type the enum
     * @param label a name as {@link #of} gives it
     * @param what what the constants are, such as {@code scenario}, for the error message
     * @return the constant of that name
     * @throws IllegalArgumentException listing the names when there is no such constant
     */
    static <E extends Enum<E>> E parse(Class<E> type, String label, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(label)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + what + " '" + label + "'. The " + what + "s are: "
                + Arrays.stream(type.getEnumConstants()).map(Labels::of).collect(Collectors.joining(", ")) + ".");
    }
}
