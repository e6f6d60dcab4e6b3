package org.thywill.application.loader;

import com.fasterxml.jackson.databind.JavaType;
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
 * One {@link org.thywill.api.application.Callable} method, read once: its parameters' types bind a call's JSON arguments,
 * then it is invoked. Thread-safe and immutable.
 */
final class CallableFunction {

    private final String name;
    private final Method method;
    private final boolean takesCaller;
    private final ArgumentConverter converter;
    private final List<JavaType> types;
    private final List<String> labels;

    private CallableFunction(String name, Method method, boolean takesCaller, ArgumentConverter converter,
                             List<JavaType> types, List<String> labels) {
        this.name = name;
        this.method = method;
        this.takesCaller = takesCaller;
        this.converter = converter;
        this.types = types;
        this.labels = labels;
    }

    /**
     * @param name the name callers use
     * @param method a public method
     * @param converter what turns its arguments into its parameters' types
     * @return the function
     * @throws IllegalArgumentException with the reason when it cannot be called with JSON arguments
     */
    static CallableFunction of(String name, Method method, ArgumentConverter converter) {
        Parameter[] parameters = method.getParameters();
        List<JavaType> types = new ArrayList<>();
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
            Optional<JavaType> type = converter.forType(p.getParameterizedType());
            if (type.isEmpty()) {
                throw new IllegalArgumentException("its parameter " + label + " has a type JSON arguments cannot"
                        + " become; use " + ArgumentConverter.SUPPORTED);
            }
            types.add(type.get());
            labels.add(label);
        }
        // A public method of a class that is not public (or not exported) cannot be invoked reflectively without it.
        method.trySetAccessible();
        return new CallableFunction(name, method, takesCaller, converter, List.copyOf(types), List.copyOf(labels));
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
        if (args.size() != types.size()) {
            throw new InvalidArgumentsException(name + " expects " + expected() + " but got " + args.size());
        }
        int offset = takesCaller ? 1 : 0;
        Object[] bound = new Object[types.size() + offset];
        if (takesCaller) {
            bound[0] = caller;
        }
        for (int i = 0; i < types.size(); i++) {
            try {
                bound[i + offset] = converter.convert(args.get(i), types.get(i));
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
