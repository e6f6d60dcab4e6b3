package org.thywill.api.session;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.thywill.api.client.SessionId;

/**
 * One session's attributes in one application (pycommunicate's {@code user.session}): typed values that every tab
 * of the browser shares, on every node of a cluster, kept by the Database until the application removes them or the
 * session expires. Reach it with {@link org.thywill.api.application.ApplicationContext#session}, in
 * {@code beforePage}, {@code onConnect}, message handlers and views alike.
 *
 * <p>Every call reads or writes the Database at once (a query or two): cheap enough for a page load or a click,
 * not for every message of a busy stream. Thread-safe. {@link #update} and {@link #increment} are atomic across
 * every tab and every node: concurrent changes of one attribute are applied one after the other, none lost.
 * Applications see only their own attributes: two applications may use one name for different things.
 *
 * <p>Failures throw {@link org.thywill.api.ThywillException}: the Database cannot be reached, the session no longer
 * exists (it expired), or a value passes a cap ({@code database.sessionDataMaxBytes} for one value's JSON,
 * {@code database.sessionDataMaxAttributes} for the attributes of one session in one application), with a message
 * naming the cap and the setting.
 */
public interface SessionData {

    /** @return the session whose attributes these are */
    SessionId session();

    /**
     * @param attribute the key
     * @param <T> the value's type
     * @return the value, or empty if none was set (or it was removed)
     * @throws org.thywill.api.ThywillException if the stored JSON cannot become the attribute's type (it was
     *                                          written under another type with this name)
     */
    <T> Optional<T> get(SessionAttribute<T> attribute);

    /**
     * Sets the value, replacing any other; the next {@link #get} on any node returns it.
     *
     * @param attribute the key
     * @param value the value, not null (use {@link #remove})
     * @param <T> the value's type
     * @throws NullPointerException if the value is null
     * @throws org.thywill.api.ThywillException if the value's JSON is longer than {@code sessionDataMaxBytes}, or a
     *                                          new attribute would pass {@code sessionDataMaxAttributes}
     */
    <T> void set(SessionAttribute<T> attribute, T value);

    /**
     * @param attribute the key
     * @return true if there was a value to remove
     */
    boolean remove(SessionAttribute<?> attribute);

    /**
     * Changes the value atomically: the function gets the current value (null if there is none) and returns the new
     * one (null removes the attribute). If another tab or node changed the value meanwhile, the function runs again
     * on the newer value, so it must have no effect beyond its result.
     *
     * @param attribute the key
     * @param change from the current value, or null, to the new value, or null
     * @param <T> the value's type
     * @return the new value, or empty if it was removed
     * @throws org.thywill.api.ThywillException as {@link #set} does, or if the value kept changing under the
     *                                          function for many tries in a row
     */
    <T> Optional<T> update(SessionAttribute<T> attribute, UnaryOperator<T> change);

    /**
     * Adds to a counter atomically, as {@link #update} does: an absent counter counts from 0.
     *
     * @param counter the key
     * @param delta what to add (negative to subtract)
     * @return the counter's new value
     * @throws ArithmeticException if the counter would overflow a {@code long}
     */
    default long increment(SessionAttribute<Long> counter, long delta) {
        return update(counter, current -> Math.addExact(current == null ? 0L : current, delta)).orElseThrow();
    }
}
