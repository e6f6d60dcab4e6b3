package org.thywill.api.application;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of an {@link Application} class as a function browsers may call by name
 * ({@code thywill.app.call("add", [1, 2])} in {@code thywill.js}; the {@code rpc} envelope of
 * documentation/protocol.md).
 *
 * <pre>{@code
 * @Callable
 * public double add(double a, double b) { return a + b; }
 *
 * @Callable("whoAmI")
 * public String caller(Connection caller) { return caller.id().value(); }
 *
 * @Callable
 * public CompletionStage<List<Object>> search(String text) { return index.searchAsync(text); }
 * }</pre>
 *
 * <p><b>Parameters.</b> The call's JSON arguments are bound to the parameters in order and converted to their types:
 * {@code String}; {@code long}, {@code int} and their boxed types (a JSON number without a fraction, in range);
 * {@code double}, {@code Double} and {@code Number}; {@code boolean} and {@code Boolean}; {@code Map} (a JSON object)
 * and {@code List} (a JSON array), whose values are converted too when their type arguments name one of these
 * types, such as {@code List<Double>}; and {@code Object} (any JSON value as a tree). A boxed type or {@code Object}
 * accepts null; a primitive does not. A first parameter of type
 * {@link org.thywill.api.client.Connection} is not an argument: it receives the caller. A call with the wrong number
 * of arguments, or an argument of the wrong type, is refused with {@code invalid-arguments} and a message naming
 * the parameter (compile with {@code -parameters} for its name), and the method is not called.
 *
 * <p><b>Result.</b> The method returns a JSON value tree (Map, List, Collection or array, String, Number, Boolean,
 * null); {@code void} gives null. It may instead return a {@link java.util.concurrent.CompletionStage}: the caller
 * gets its value when it completes, or {@code timed-out} if it has not completed by the call's deadline (the stage
 * is left alone, not cancelled). An exception thrown, or a stage that fails, is logged on the server with the
 * function's name; the caller gets {@code failed} with a generic message, never the exception's text.
 *
 * <p><b>Threading.</b> A method runs on the transport thread that read the call, in order with the connection's
 * other calls and messages, exactly as {@link Application#onMessage} does: return quickly, and return a stage for
 * anything slow. {@link Application#permits} runs before every call.
 *
 * <p>The Application Interface reads these annotations once per application class, when the application first
 * needs them; a method it cannot call (an unsupported parameter type, two methods with one name) is reported in
 * the server log, and calling it answers {@code failed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Callable {

    /** @return the name callers use; empty (the default) for the method's own name */
    String value() default "";
}
