package org.thywill.kernel.settings;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets environment variables override settings, as docker-compose does: {@code THYWILL_<SECTION>_<KEY>}, with the
 * camel-case names in upper snake case, for example {@code THYWILL_SERVER_PORT} or
 * {@code THYWILL_CLIENT_INTERFACE_MAX_INTERVAL}. A list value is written comma-separated.
 */
public final class EnvironmentOverrides {

    private static final String PREFIX = "THYWILL_";
    private final Map<String, String> environment;

    /** @param environment the variables to read, usually {@link System#getenv()} */
    public EnvironmentOverrides(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** @return no overrides */
    public static EnvironmentOverrides none() {
        return new EnvironmentOverrides(Map.of());
    }

    /**
     * @param section a section name
     * @param key a key in it
     * @return the variable's name
     */
    public static String variableName(String section, String key) {
        return PREFIX + KeyNames.environmentName(section) + "_" + KeyNames.environmentName(key);
    }

    /**
     * @param section a section name
     * @param key a key
     * @return the override's raw text, if the variable is set
     */
    public Optional<String> value(String section, String key) {
        return Optional.ofNullable(environment.get(variableName(section, key)));
    }

    /**
     * Applies the overrides of one section's keys.
     *
     * @param tree the settings
     * @param section the section
     * @param keys the section's keys and their types
     * @return the tree with every set variable applied
     */
    public SettingsTree apply(SettingsTree tree, String section, Map<String, Class<?>> keys) {
        SettingsTree result = tree;
        for (Map.Entry<String, Class<?>> key : keys.entrySet()) {
            Optional<String> raw = value(section, key.getKey());
            if (raw.isPresent()) {
                Object value = Collection.class.isAssignableFrom(key.getValue()) ? split(raw.get()) : raw.get();
                result = result.with(section, key.getKey(), value);
            }
        }
        return result;
    }

    /**
     * @param sections the section names the settings know
     * @param known whether a variable name is one that some section's key maps to
     * @return the variables that look like Thywill settings but match no key, for a warning
     */
    public List<String> unmatched(Collection<String> sections, java.util.function.Predicate<String> known) {
        return environment.keySet().stream()
                .filter(name -> sections.stream().anyMatch(s -> name.startsWith(PREFIX + KeyNames.environmentName(s) + "_")))
                .filter(known.negate())
                .sorted()
                .toList();
    }

    private static List<String> split(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
