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

/**
 * Binds one section of the settings to its typed settings record, turning every failure into a
 * {@link SettingsProblem} that names the key, the section and where the value came from. Thread-safe.
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
     * @throws InvalidSettingsException naming the key, the section and the file when a value cannot be used
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
     * @throws InvalidSettingsException with the one problem found, naming where the bad value came from
     */
    public <S> S bind(Map<String, Object> values, Class<S> type, String section, String source,
                      EnvironmentOverrides environment) {
        try {
            return mapper.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidSettingsException(List.of(problem(cause, type, new Origin(section, source,
                    environment))), cause);
        }
    }

    /** Where a key's value came from: the file, or the environment variable that overrode it. */
    private record Origin(String section, String source, EnvironmentOverrides environment) {

        SettingsProblem problem(SettingsProblem.Kind kind, String key, String problem) {
            boolean fromVariable = key != null && environment.value(section, key).isPresent();
            return new SettingsProblem(kind, section, key, fromVariable ? "from environment variable "
                    + EnvironmentOverrides.variableName(section, key) : "in " + source, problem,
                    fromVariable ? "Change that variable." : "Change it in that file.");
        }
    }

    private SettingsProblem problem(Throwable cause, Class<?> type, Origin origin) {
        SettingsException settings = find(cause, SettingsException.class);
        if (settings != null) {
            return origin.problem(SettingsProblem.Kind.BAD_VALUE, settings.key(), settings.problem());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            List<String> known = new ArrayList<>(keysOf(type).keySet());
            if (Arrays.stream(Slot.values()).anyMatch(slot -> slot.key().equals(origin.section()))) {
                known.add(0, "implementation");
            }
            return new SettingsProblem(SettingsProblem.Kind.UNKNOWN_KEY, origin.section(),
                    unknown.getPropertyName(), "in " + origin.source(), "The keys of this section are: "
                    + String.join(", ", known) + ".", "Remove it or correct its spelling.");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String key = path(mismatch);
            String value = cause instanceof InvalidFormatException invalid ? " but is '" + invalid.getValue() + "'" : "";
            return origin.problem(SettingsProblem.Kind.WRONG_TYPE, key, "must be " + describe(keysOf(type).get(key))
                    + value);
        }
        Throwable reason = cause instanceof ValueInstantiationException && cause.getCause() != null
                ? cause.getCause() : cause;
        return origin.problem(SettingsProblem.Kind.BAD_SECTION, null, String.valueOf(reason.getMessage()));
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
