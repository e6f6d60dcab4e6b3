package org.thywill.delivery;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.thywill.api.SettingsException;

/**
 * The session inboxes' settings, which every Push that keeps inboxes offers under the same keys of its section
 * ({@code inboxMaxAge}, {@code inboxMaxMessages}, {@code inboxPerApplication}, {@code inboxWriteDelay}); validated
 * here once for all of them.
 *
 * @param maxAge how long a message to a session waits for its acknowledgement before it expires; default 24h
 * @param maxMessages the most unacknowledged messages kept per session and application; default 1000
 * @param perApplication inbox limits of particular applications, by application id; default none
 * @param writeDelay how long a message handed to a live connection waits for its acknowledgement before it is
 *                   written to the Database; default 500ms, 0 to write every message at once
 */
public record InboxSettings(Duration maxAge, Integer maxMessages, Map<String, InboxLimits> perApplication,
                            Duration writeDelay) {

    /** Applies defaults and validates, naming the Push's keys. */
    public InboxSettings {
        maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
        maxMessages = maxMessages == null ? 1000 : maxMessages;
        SettingsException.require(maxAge.toMillis() >= 100, "inboxMaxAge", "must be at least 100ms");
        SettingsException.require(maxMessages >= 1, "inboxMaxMessages", "must be at least 1");
        perApplication = perApplication == null ? Map.of() : Map.copyOf(perApplication);
        writeDelay = writeDelay == null ? InboxWriter.HOLD : writeDelay;
        SettingsException.require(!writeDelay.isNegative() && writeDelay.toMillis() <= 10_000,
                "inboxWriteDelay", "must be from 0 to 10s");
    }

    /** @return the defaults */
    public static InboxSettings defaults() {
        return new InboxSettings(null, null, null, null);
    }

    /**
     * @param applicationId an application id
     * @return the inbox limits of that application
     */
    public InboxLimits limits(String applicationId) {
        InboxLimits defaults = new InboxLimits(maxAge, maxMessages);
        InboxLimits own = perApplication.get(applicationId);
        return own == null ? defaults : own.or(defaults);
    }

    /** @return every application's max age, the section's first */
    List<Duration> ages() {
        List<Duration> ages = new java.util.ArrayList<>(List.of(maxAge));
        perApplication.keySet().forEach(app -> ages.add(limits(app).maxAge()));
        return ages;
    }

    /** @return the longest age any application keeps */
    Duration longestMaxAge() {
        return Collections.max(ages());
    }

    /** @return the shortest age any application keeps */
    Duration shortestMaxAge() {
        return Collections.min(ages());
    }
}
