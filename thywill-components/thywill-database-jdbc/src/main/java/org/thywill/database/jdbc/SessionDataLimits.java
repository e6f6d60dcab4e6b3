package org.thywill.database.jdbc;

import org.thywill.api.SettingsException;

/**
 * The caps on session data ({@code sessionDataMaxBytes}, {@code sessionDataMaxAttributes}, the same keys for every
 * provider): an application that stores without bound in a session would fill the database one browser at a time.
 *
 * @param maxBytes the longest value's JSON, in UTF-8 bytes
 * @param maxAttributes the most attributes one session holds in one application
 */
record SessionDataLimits(int maxBytes, int maxAttributes) {

    /** The key of {@link #maxBytes}. */
    static final String MAX_BYTES_KEY = "sessionDataMaxBytes";

    /** The key of {@link #maxAttributes}. */
    static final String MAX_ATTRIBUTES_KEY = "sessionDataMaxAttributes";

    /** The size cap unless {@code sessionDataMaxBytes} says otherwise: 64 KiB. */
    static final int DEFAULT_MAX_BYTES = 64 * 1024;

    /** The largest size cap: 16 MiB, which every engine's text column holds. */
    static final int MOST_MAX_BYTES = 16 * 1024 * 1024;

    /** The count cap unless {@code sessionDataMaxAttributes} says otherwise. */
    static final int DEFAULT_MAX_ATTRIBUTES = 100;

    /** The largest count cap. */
    static final int MOST_MAX_ATTRIBUTES = 10_000;

    /** The defaults. */
    static final SessionDataLimits DEFAULTS = new SessionDataLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ATTRIBUTES);

    /** Validates. */
    SessionDataLimits {
        SettingsException.require(maxBytes >= 1 && maxBytes <= MOST_MAX_BYTES, MAX_BYTES_KEY,
                "must be from 1 to " + MOST_MAX_BYTES + ", not " + maxBytes);
        SettingsException.require(maxAttributes >= 1 && maxAttributes <= MOST_MAX_ATTRIBUTES, MAX_ATTRIBUTES_KEY,
                "must be from 1 to " + MOST_MAX_ATTRIBUTES + ", not " + maxAttributes);
    }

    /**
     * @param maxBytes the value of {@code sessionDataMaxBytes}, or null for the default
     * @param maxAttributes the value of {@code sessionDataMaxAttributes}, or null for the default
     * @return the caps, validated
     * @throws SettingsException if either is out of range
     */
    static SessionDataLimits of(Integer maxBytes, Integer maxAttributes) {
        return new SessionDataLimits(maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes,
                maxAttributes == null ? DEFAULT_MAX_ATTRIBUTES : maxAttributes);
    }
}
