package org.thywill.application.loader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thywill.api.client.Connection;

/**
 * One {@link org.thywill.api.application.Callable} method, read once: its converters bind a call's JSON arguments,
 * then it is invoked. Thread-safe and immutable.
 */
final class CallableFunction {

    private final String name;
    private final Method method;
    private final boolean takesCaller;
    private final List<ArgumentConverter> converters;
    private final List<String> labels;

    private CallableFunction(String name, Method method, boolean takesCaller, List<ArgumentConverter> converters,
                             List<String> labels) {
        this.name = name;
        this.method = method;
        this.takesCaller = takesCaller;
        this.converters = converters;
        this.labels = labels;
    }

    /**
     * @param name the name callers use
     * @param method a public method
     * @return the function
     * @throws IllegalArgumentException with the reason when it cannot be called with JSON arguments
     */
    static CallableFunction of(String name, Method method) {
        Parameter[] parameters = method.getParameters();
        List<ArgumentConverter> converters = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean takesCaller = parameters.length > 0 && parameters[0].getType() == Connection.class;
        for (int i = takesCaller ? 1 : 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String label = ArgumentConverter.typeName(p.getParameterizedType())
                    + (p.isNamePresent() ? " " + p.getName() : "");
            if (p.getType() == Connection.class) {
                throw new IllegalArgumentException("its parameter " + label + " is not the first: only a first"
                        + " parameter receives the calling Connection");
            }
            Optional<ArgumentConverter> converter = ArgumentConverter.forType(p.getParameterizedType());
            if (converter.isEmpty()) {
                throw new IllegalArgumentException("its parameter " + label + " has a type JSON arguments cannot"
                        + " become; use " + ArgumentConverter.SUPPORTED);
            }
            converters.add(converter.get());
            labels.add(label);
        }
        // A public method of a class that is not public (or not exported) cannot be invoked reflectively without it.
        method.trySetAccessible();
        return new CallableFunction(name, method, takesCaller, List.copyOf(converters), List.copyOf(labels));
    }

    String name() {
        return name;
    }

    /**
     * @param caller the calling connection
     * @param args the call's arguments, as received
     * @return the method's arguments, converted
     * @throws InvalidArgumentsException saying which argument is wrong and why, for the caller
     */
    Object[] bind(Connection caller, List<?> args) throws InvalidArgumentsException {
        if (args.size() != converters.size()) {
            throw new InvalidArgumentsException(name + " expects " + expected() + " but got " + args.size());
        }
        int offset = takesCaller ? 1 : 0;
        Object[] bound = new Object[converters.size() + offset];
        if (takesCaller) {
            bound[0] = caller;
        }
        for (int i = 0; i < converters.size(); i++) {
            try {
                bound[i + offset] = converters.get(i).convert(args.get(i), "");
            } catch (ArgumentConverter.Mismatch e) {
                throw new InvalidArgumentsException(e.describe("argument " + (i + 1) + " of " + name));
            }
        }
        return bound;
    }

    /**
     * @param target the application instance
     * @param arguments from {@link #bind}
     * @return what the method returned; null for void
     * @throws Throwable what the method threw
     */
    Object invoke(Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private String expected() {
        return switch (labels.size()) {
            case 0 -> "no arguments";
            case 1 -> "1 argument (" + labels.get(0) + ")";
            default -> labels.size() + " arguments" + labels.stream().collect(Collectors.joining(", ", " (", ")"));
        };
    }

    @Override
    public String toString() {
        return name + "(" + String.join(", ", labels) + ") = " + method;
    }
}
