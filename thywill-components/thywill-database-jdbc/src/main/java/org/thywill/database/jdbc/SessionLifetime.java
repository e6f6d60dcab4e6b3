package org.thywill.database.jdbc;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * How long a session lasts without activity ({@code sessionLifetime}, the same key for every provider), and the
 * intervals that follow from it: how often a session's activity is written, and how often expired sessions are
 * deleted.
 *
 * @param value the lifetime
 */
record SessionLifetime(Duration value) {

    /** The settings key. */
    static final String KEY = "sessionLifetime";

    /** The lifetime unless {@code sessionLifetime} says otherwise. */
    static final Duration DEFAULT = Duration.ofDays(30);

    /** The shortest lifetime: shorter would write a session's activity more often than once a second. */
    static final Duration MINIMUM = Duration.ofSeconds(1);

    /** The longest lifetime: ten years, within a cookie's {@code Max-Age} and any database's dates. */
    static final Duration MAXIMUM = Duration.ofDays(3650);

    /** The most time between two writes of one session's activity. */
    static final Duration MOST_TOUCH_INTERVAL = Duration.ofMinutes(5);

    /** The most time between two runs of the scavenger. */
    static final Duration MOST_SCAVENGE_PERIOD = Duration.ofMinutes(10);

    /** Validates. */
    SessionLifetime {
        SettingsException.require(value.compareTo(MINIMUM) >= 0 && value.compareTo(MAXIMUM) <= 0, KEY,
                "must be from 1s to 3650d, not " + value.toMillis() + "ms");
    }

    /**
     * @param setting the value of {@code sessionLifetime}, or null for the default
     * @return the lifetime, validated
     * @throws SettingsException if it is out of range
     */
    static SessionLifetime of(Duration setting) {
        return new SessionLifetime(setting == null ? DEFAULT : setting);
    }

    /**
     * A session found active is written active again only after this long (a tenth of the lifetime, at most five
     * minutes), so a busy session costs one write per interval, not one per page load or connect.
     *
     * @return the interval
     */
    Duration touchInterval() {
        Duration tenth = value.dividedBy(10);
        return tenth.compareTo(MOST_TOUCH_INTERVAL) < 0 ? tenth : MOST_TOUCH_INTERVAL;
    }

    /**
     * The scavenger deletes only sessions inactive for the lifetime plus the touch interval: one found active just
     * before its lifetime ran out has its activity written well before then.
     *
     * @return how long a session stays in the database without activity
     */
    Duration kept() {
        return value.plus(touchInterval());
    }

    /** @return how often the scavenger runs: a tenth of the lifetime, from 1 s to ten minutes */
    Duration scavengePeriod() {
        Duration tenth = value.dividedBy(10);
        if (tenth.compareTo(MINIMUM) < 0) {
            return MINIMUM;
        }
        return tenth.compareTo(MOST_SCAVENGE_PERIOD) < 0 ? tenth : MOST_SCAVENGE_PERIOD;
    }
}
