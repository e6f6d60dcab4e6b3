package org.thywill.remote.document;

import java.time.Duration;
import java.util.List;

/**
 * How the browser reports an event: every one at once (the default), at most one per period ({@link #throttle}),
 * or once things are quiet ({@link #debounce}); only for some keys; with the browser's default action prevented.
 * All of this happens in the browser, so high-rate events cost no messages. Immutable.
 *
 * @param throttle at most one event per this period (the first at once, then the latest), or null
 * @param debounce one event after this long without another (the latest), or null
 * @param preventDefault call {@code preventDefault()} in the browser, as a form's submit needs
 * @param keys for keyboard events: report only these keys ({@code KeyboardEvent.key}, such as {@code Enter}); empty
 *             for all
 */
public record EventOptions(Duration throttle, Duration debounce, boolean preventDefault, List<String> keys) {

    /** Report every event, prevent nothing. */
    public static final EventOptions DEFAULT = new EventOptions(null, null, false, List.of());

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a negative or zero period, or both throttle and debounce
     */
    public EventOptions {
        keys = List.copyOf(keys);
        if (throttle != null && debounce != null) {
            throw new IllegalArgumentException("Choose throttle or debounce, not both.");
        }
        for (Duration d : new Duration[] {throttle, debounce}) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("A throttle or debounce period is positive, not " + d + ".");
            }
        }
    }

    /**
     * @param period at most one event per period: the first at once, then the latest of those that came meanwhile
     * @return options that throttle
     */
    public static EventOptions throttled(Duration period) {
        return DEFAULT.throttle(period);
    }

    /**
     * @param quiet report the latest event once this long passed without another
     * @return options that debounce
     */
    public static EventOptions debounced(Duration quiet) {
        return DEFAULT.debounce(quiet);
    }

    /**
     * @param period the throttle period
     * @return a copy that throttles
     */
    public EventOptions throttle(Duration period) {
        return new EventOptions(period, null, preventDefault, keys);
    }

    /**
     * @param quiet the debounce period
     * @return a copy that debounces
     */
    public EventOptions debounce(Duration quiet) {
        return new EventOptions(null, quiet, preventDefault, keys);
    }

    /** @return a copy that prevents the browser's default action (following a link, submitting a form) */
    public EventOptions preventingDefault() {
        return new EventOptions(throttle, debounce, true, keys);
    }

    /**
     * @param only the keys to report, as {@code KeyboardEvent.key} names them ({@code Enter}, {@code Escape}, {@code a})
     * @return a copy that reports keyboard events for those keys only
     */
    public EventOptions onlyKeys(String... only) {
        return new EventOptions(throttle, debounce, preventDefault, List.of(only));
    }
}
