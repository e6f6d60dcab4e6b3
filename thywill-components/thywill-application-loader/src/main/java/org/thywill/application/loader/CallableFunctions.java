package org.thywill.application.loader;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.thywill.api.application.Callable;

/**
 * The table of one application class's {@link Callable} functions, read with reflection once so that a call is a
 * map lookup. Functions that cannot be called are kept with the reason, for the log and for their callers.
 *
 * @param functions the callable functions by name
 * @param problems the names that cannot be called, with the reason
 */
record CallableFunctions(Map<String, CallableFunction> functions, Map<String, String> problems) {

    /** Copies. */
    CallableFunctions {
        functions = Map.copyOf(functions);
        problems = Map.copyOf(problems);
    }

    /**
     * @param type an application class
     * @return its functions: the public methods annotated {@link Callable}, including inherited ones
     */
    static CallableFunctions of(Class<?> type) {
        Map<String, CallableFunction> functions = new HashMap<>();
        Map<String, String> problems = new TreeMap<>();
        Map<String, Method> seen = new HashMap<>();
        ArgumentConverter converter = new ArgumentConverter();
        for (Method method : type.getMethods()) {
            Callable callable = method.getAnnotation(Callable.class);
            if (callable == null || method.isBridge()) {
                continue;
            }
            String name = callable.value().isEmpty() ? method.getName() : callable.value();
            Method other = seen.put(name, method);
            if (other != null) {
                functions.remove(name);
                problems.put(name, "two methods have that name, " + other + " and " + method
                        + "; name one with @Callable(\"...\")");
                continue;
            }
            try {
                functions.put(name, CallableFunction.of(name, method, converter));
            } catch (IllegalArgumentException e) {
                problems.put(name, method + ": " + e.getMessage());
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                Callable callable = method.getAnnotation(Callable.class);
                if (callable != null && !Modifier.isPublic(method.getModifiers())) {
                    String name = callable.value().isEmpty() ? method.getName() : callable.value();
                    problems.putIfAbsent(name, method + " is not public; make it public to call it");
                }
            }
        }
        return new CallableFunctions(functions, problems);
    }
}
