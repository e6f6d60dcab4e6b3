package org.thywill.api;

/**
 * A setting has a value that cannot be used. Thrown by settings records' constructors while they validate; the
 * kernel adds the section and the file it came from.
 */
public class SettingsException extends ThywillException {

    private final String key;
    private final String problem;

    /**
     * @param key the key within its section, for example {@code port}
     * @param problem what is wrong with the value and what would be accepted
     */
    public SettingsException(String key, String problem) {
        super("'" + key + "' " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** @return the key within its section that holds the bad value */
    public String key() {
        return key;
    }

    /** @return what is wrong with the value and what would be accepted, without the key */
    public String problem() {
        return problem;
    }

    /**
     * Fails with a {@link SettingsException} unless {@code condition} holds.
     *
     * @param condition what must be true of the value
     * @param key the key that holds the value
     * @param problem what is wrong when the condition does not hold, for example "must be at least 1"
     * @throws SettingsException when the condition is false
     */
    public static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new SettingsException(key, problem);
        }
    }
}
