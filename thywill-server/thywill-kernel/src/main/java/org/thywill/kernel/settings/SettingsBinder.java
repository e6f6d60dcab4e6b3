package org.thywill.kernel.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.thywill.api.SettingsException;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;

/**
 * Binds one section of the settings to its typed settings record, turning every failure into a one-paragraph
 * message that names the key, the section and the file. Thread-safe.
 */
public final class SettingsBinder {

    private final ObjectMapper mapper;

    /** Creates a binder that rejects unknown keys and reads durations such as {@code 10s}. */
    public SettingsBinder() {
        SimpleModule durations = new SimpleModule("thywill-durations");
        durations.addDeserializer(Duration.class, new FlexibleDurationDeserializer());
        this.mapper = JsonMapper.builder()
                .addModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    /**
     * @param type a settings type, usually a record
     * @return its keys and their types, in declaration order
     */
    public static Map<String, Class<?>> keysOf(Class<?> type) {
        Map<String, Class<?>> keys = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                keys.put(c.getName(), c.getType());
            }
        }
        return keys;
    }

    /**
     * @param values the section's keys and values (without {@code implementation})
     * @param type the settings type
     * @param section the section's name, for messages
     * @param source the settings' source, for messages
     * @param <S> the settings type
     * @return the bound, validated settings
     * @throws ThywillException naming the key, the section and the file when a value cannot be used
     */
    public <S> S bind(Map<String, Object> values, Class<S> type, String section, String source) {
        return bind(values, type, section, source, EnvironmentOverrides.none());
    }

    /**
     * As {@link #bind(Map, Class, String, String)}, naming the environment variable instead of the file when the
     * bad value came from one.
     *
     * @param values the section's keys and values (without {@code implementation})
     * @param type the settings type
     * @param section the section's name, for messages
     * @param source the settings' source, for messages
     * @param environment the overrides that were applied
     * @param <S> the settings type
     * @return the bound, validated settings
     */
    public <S> S bind(Map<String, Object> values, Class<S> type, String section, String source,
                      EnvironmentOverrides environment) {
        try {
            return mapper.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            ThywillException error = translate(e, type, section, source);
            for (String key : keysOf(type).keySet()) {
                String variable = EnvironmentOverrides.variableName(section, key);
                if (environment.value(section, key).isPresent()
                        && error.getMessage().startsWith("Setting '" + section + "." + key + "' in ")) {
                    String rest = error.getMessage().substring(("Setting '" + section + "." + key + "' in "
                            + source).length());
                    throw new ThywillException("Setting '" + section + "." + key + "' from environment variable "
                            + variable + rest.replace("Change it in that file.", "Change that variable."), e);
                }
            }
            throw error;
        }
    }

    private ThywillException translate(IllegalArgumentException e, Class<?> type, String section, String source) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        SettingsException settings = find(cause, SettingsException.class);
        if (settings != null) {
            return new ThywillException("Setting '" + section + "." + settings.key() + "' in " + source + ": "
                    + settings.getMessage().substring(settings.key().length() + 3) + ". Change it in that file.");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            List<String> known = new ArrayList<>(keysOf(type).keySet());
            if (Arrays.stream(Slot.values()).anyMatch(slot -> slot.key().equals(section))) {
                known.add(0, "implementation");
            }
            return new ThywillException("Unknown setting '" + section + "." + unknown.getPropertyName() + "' in "
                    + source + ". The keys of this section are: " + String.join(", ", known)
                    + ". Remove it or correct its spelling.");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String key = path(mismatch);
            Class<?> expected = keysOf(type).get(key);
            String value = cause instanceof InvalidFormatException invalid ? " but is '" + invalid.getValue() + "'" : "";
            return new ThywillException("Setting '" + section + "." + key + "' in " + source + " must be "
                    + describe(expected) + value + ". Change it in that file.");
        }
        if (cause instanceof ValueInstantiationException && cause.getCause() != null) {
            return new ThywillException("Settings of section '" + section + "' in " + source + " are not valid: "
                    + cause.getCause().getMessage() + ".", cause);
        }
        return new ThywillException("Settings of section '" + section + "' in " + source + " are not valid: "
                + cause.getMessage(), cause);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 250ms, 10s, 5m or 1h";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        return "a " + type.getSimpleName();
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
