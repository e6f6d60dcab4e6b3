package org.thywill.kernel.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.thywill.api.ThywillException;

/**
 * The settings as written: a tree of sections, each a map of keys to values, plus where it came from so that
 * every error can name the file. Immutable once built.
 */
public final class SettingsTree {

    private final Map<String, Map<String, Object>> sections;
    private final String source;

    private SettingsTree(Map<String, Map<String, Object>> sections, String source) {
        this.sections = sections;
        this.source = source;
    }

    /**
     * @param file a YAML file whose top-level keys are sections
     * @return its tree
     * @throws ThywillException if the file is missing or is not YAML of that shape
     */
    public static SettingsTree read(Path file) {
        String source = file.toString();
        Object root;
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
            try (JsonParser parser = mapper.createParser(Files.readAllBytes(file))) {
                // An empty or comments-only file has no token: it is valid YAML that leaves every key at its default.
                root = parser.nextToken() == null ? null : mapper.readValue(parser, Object.class);
            }
        } catch (NoSuchFileException e) {
            throw new ThywillException("The settings file " + source + " does not exist. Give the path of a settings"
                    + " file on the command line (for example config/thywill.yml), or create it.");
        } catch (JacksonException e) {
            throw new ThywillException("The settings file " + source + " is not valid YAML: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + "). Fix the syntax there.");
        } catch (IOException e) {
            throw new ThywillException("The settings file " + source + " cannot be read: " + e.getMessage(), e);
        }
        return of(root, source);
    }

    /**
     * @param root a map of section names to maps of keys to values (as parsed YAML gives), or null for empty
     * @param source how to name where it came from in errors
     * @return the tree
     * @throws ThywillException if a section is not a map
     */
    public static SettingsTree of(Object root, String source) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        if (root != null) {
            if (!(root instanceof Map<?, ?> top)) {
                throw new ThywillException("The settings in " + source + " must be sections of keys (such as"
                        + " 'server:' with 'port: 8080' under it), not a single value.");
            }
            for (Map.Entry<?, ?> e : top.entrySet()) {
                String name = String.valueOf(e.getKey());
                sections.put(name, section(name, e.getValue(), source));
            }
        }
        return new SettingsTree(sections, source);
    }

    private static Map<String, Object> section(String name, Object value, String source) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (value == null) {
            return section;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ThywillException("The section '" + name + "' in " + source + " must hold keys (such as"
                    + " 'implementation: ...'), not the single value '" + value + "'.");
        }
        map.forEach((k, v) -> section.put(String.valueOf(k), v));
        return section;
    }

    /** @return how errors name where these settings came from */
    public String source() {
        return source;
    }

    /** @return the names of the sections present */
    public java.util.Set<String> sectionNames() {
        return sections.keySet();
    }

    /**
     * @param name a section name
     * @return a copy of its keys and values; empty if absent
     */
    public Map<String, Object> section(String name) {
        return new LinkedHashMap<>(sections.getOrDefault(name, Map.of()));
    }

    /**
     * @param section a section name
     * @param key a key in it
     * @param value the new value
     * @return a new tree with that key set
     */
    public SettingsTree with(String section, String key, Object value) {
        Objects.requireNonNull(section);
        Objects.requireNonNull(key);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        sections.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        copy.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(key, value);
        return new SettingsTree(copy, source);
    }
}
