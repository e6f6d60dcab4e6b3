package org.thywill.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.thywill.api.application.Application;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.SettingsTree;

/**
 * Everything the kernel needs to start a server: the settings tree (from a file or built in code), the
 * environment that may override it, the home folder relative paths start from, the class loader in which
 * component providers are discovered, and the applications an embedding program hands over as objects. Immutable.
 *
 * @param tree the settings as written
 * @param environment the overrides
 * @param home the folder relative paths are resolved against
 * @param classLoader where component providers are discovered
 * @param applications applications given as objects, run by the Application Interface beside those it finds
 */
public record ThywillSettings(SettingsTree tree, EnvironmentOverrides environment, Path home,
                              ClassLoader classLoader, List<Application> applications) {

    /** Validates. */
    public ThywillSettings {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(environment, "environment");
        home = home.toAbsolutePath().normalize();
        Objects.requireNonNull(classLoader, "classLoader");
        applications = List.copyOf(applications);
    }

    /**
     * Settings without applications given as objects.
     *
     * @param tree the settings as written
     * @param environment the overrides
     * @param home the folder relative paths are resolved against
     * @param classLoader where component providers are discovered
     */
    public ThywillSettings(SettingsTree tree, EnvironmentOverrides environment, Path home, ClassLoader classLoader) {
        this(tree, environment, home, classLoader, List.of());
    }

    /**
     * @param file a YAML settings file
     * @param home the home folder
     * @param environment environment variables, usually {@link System#getenv()}
     * @return settings read from the file
     */
    public static ThywillSettings fromFile(Path file, Path home, Map<String, String> environment) {
        return new ThywillSettings(SettingsTree.read(file), new EnvironmentOverrides(environment), home,
                ThywillSettings.class.getClassLoader());
    }

    /** @return a builder for settings made in code, with no environment overrides */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds settings in code: whatever the file can set, {@link #set} can. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        private Path home = Path.of("");
        private Map<String, String> environment = Map.of();
        private ClassLoader classLoader = ThywillSettings.class.getClassLoader();
        private final List<Application> applications = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param section a section, for example {@code server} or {@code database}
         * @param key a key in it, for example {@code port} or {@code implementation}
         * @param value the value, as YAML would give it (String, Number, Boolean, List, Map)
         * @return this
         */
        public Builder set(String section, String key, Object value) {
            sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /**
         * @param home the folder relative paths are resolved against
         * @return this
         */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /**
         * @param environment environment variables that override settings
         * @return this
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * @param classLoader where component providers are discovered
         * @return this
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Hands an application over as an object, to run without a jar or a service entry (the Application
         * Interface {@code classpath} runs it beside those it finds).
         *
         * @param application the application
         * @return this
         */
        public Builder application(Application application) {
            applications.add(Objects.requireNonNull(application, "application"));
            return this;
        }

        /** @return the settings */
        public ThywillSettings build() {
            return new ThywillSettings(SettingsTree.of(sections, "settings built in code"),
                    new EnvironmentOverrides(environment), home, classLoader, applications);
        }
    }
}
