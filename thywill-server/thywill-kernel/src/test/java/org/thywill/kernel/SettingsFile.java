package org.thywill.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thywill.api.Slot;

/**
 * Writes a settings file for a test: by default every slot names its {@code fake} implementation and the server
 * listens on port 0; {@link #set} changes or adds one key, its value written as raw YAML.
 */
final class SettingsFile {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private SettingsFile() {
    }

    /** @return settings choosing the {@code fake} implementation for every slot */
    static SettingsFile allFake() {
        SettingsFile file = new SettingsFile();
        file.set("server", "port", "0");
        for (Slot slot : Slot.values()) {
            file.set(slot.key(), "implementation", "fake");
        }
        return file;
    }

    /**
     * @param section a section
     * @param key a key in it
     * @param yaml its value as YAML text, for example {@code 10s} or {@code [a, b]}
     * @return this
     */
    SettingsFile set(String section, String key, String yaml) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, yaml);
        return this;
    }

    /** @return the YAML text */
    String yaml() {
        StringBuilder out = new StringBuilder();
        sections.forEach((section, keys) -> {
            out.append(section).append(":\n");
            keys.forEach((key, value) -> out.append("  ").append(key).append(": ").append(value).append('\n'));
        });
        return out.toString();
    }

    /**
     * @param folder where to write {@code thywill.yml}
     * @return the file
     */
    Path writeTo(Path folder) {
        return write(folder, yaml());
    }

    /**
     * @param folder where to write {@code thywill.yml}
     * @param yaml the file's text
     * @return the file
     */
    static Path write(Path folder, String yaml) {
        try {
            return Files.writeString(folder.resolve("thywill.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param folder where to write the file; also Thywill's home
     * @param environment the environment variables the kernel sees
     * @return a started server
     */
    Thywill start(Path folder, Map<String, String> environment) {
        return Thywill.start(ThywillSettings.fromFile(writeTo(folder), folder, environment));
    }

    /**
     * @param folder where to write the file; also Thywill's home
     * @return a started server, with no environment overrides
     */
    Thywill start(Path folder) {
        return start(folder, Map.of());
    }
}
