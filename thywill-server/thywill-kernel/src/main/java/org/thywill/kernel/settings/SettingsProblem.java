package org.thywill.kernel.settings;

/**
 * One thing wrong with the settings, kept as data (which setting, where its value came from, what is wrong, what to
 * change) so that start-up can report every one at once and point at a file or an environment variable without
 * rewriting another message.
 *
 * @param kind what sort of problem it is, which decides how it reads
 * @param section the section
 * @param key the key within the section; null for a problem of the section as a whole
 * @param origin where the value came from: {@code in <file>} or {@code from environment variable <NAME>}
 * @param problem what is wrong, such as {@code must be a whole number but is 'abc'}
 * @param change what to change, such as {@code Change it in that file.}
 */
public record SettingsProblem(Kind kind, String section, String key, String origin, String problem, String change) {

    /** What sort of problem. */
    public enum Kind {
        /** The key is none of the section's. */
        UNKNOWN_KEY,
        /** The value is not of the key's type. */
        WRONG_TYPE,
        /** The value is of the right type but refused by the settings' validation. */
        BAD_VALUE,
        /** The section as a whole was refused. */
        BAD_SECTION
    }

    /** @return the problem as one line a user reads */
    public String message() {
        String setting = "'" + section + "." + key + "' " + origin;
        String text = switch (kind) {
            case UNKNOWN_KEY -> "Unknown setting " + setting + ". " + problem;
            case WRONG_TYPE -> "Setting " + setting + " " + problem + ".";
            case BAD_VALUE -> "Setting " + setting + ": " + problem + ".";
            case BAD_SECTION -> "Settings of section '" + section + "' " + origin + " are not valid: " + problem
                    + (problem.endsWith(".") ? "" : ".");
        };
        return text + " " + change;
    }
}
