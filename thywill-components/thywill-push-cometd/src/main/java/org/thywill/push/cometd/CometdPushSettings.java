package org.thywill.push.cometd;

import java.time.Duration;
import java.util.Map;
import org.thywill.api.SettingsException;
import org.thywill.delivery.InboxLimits;
import org.thywill.delivery.InboxSettings;

/**
 * The {@code push} section for implementation {@code cometd}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code presenceGrace}</td><td>{@code 5s}</td><td>How long a session whose last connection to an
 *   application ended still counts as present in that application's channels, so that a page reload or a short
 *   network cut is not reported as a leave; {@code 0s} reports a leave at once.</td></tr>
 *   <tr><td>{@code inboxMaxAge}, {@code inboxMaxMessages}, {@code inboxPerApplication},
 *   {@code inboxWriteDelay}</td><td>see {@link InboxSettings}</td><td>The session inboxes' limits.</td></tr>
 * </table>
 *
 * @param presenceGrace how long a session that lost its last connection stays present; default 5s
 * @param inboxMaxAge how long a message to a session waits for its acknowledgement; default 24h
 * @param inboxMaxMessages the most unacknowledged messages kept per session and application; default 1000
 * @param inboxPerApplication inbox limits of particular applications, by application id; default none
 * @param inboxWriteDelay how long a message handed to a live connection waits for its acknowledgement before it is
 *                        written to the Database; default 500ms
 */
public record CometdPushSettings(Duration presenceGrace, Duration inboxMaxAge, Integer inboxMaxMessages,
                                 Map<String, InboxLimits> inboxPerApplication, Duration inboxWriteDelay) {

    /** The grace period unless {@code presenceGrace} says otherwise. */
    public static final Duration DEFAULT_PRESENCE_GRACE = Duration.ofSeconds(5);

    /** Applies defaults and validates. */
    public CometdPushSettings {
        if (presenceGrace == null) {
            presenceGrace = DEFAULT_PRESENCE_GRACE;
        }
        SettingsException.require(!presenceGrace.isNegative(), "presenceGrace",
                "must be at least 0s, not " + presenceGrace.toMillis() + "ms");
        // Validated at start-up; left as given (null for unset), read through inbox().
        new InboxSettings(inboxMaxAge, inboxMaxMessages, inboxPerApplication, inboxWriteDelay);
    }

    /** @param presenceGrace how long a session that lost its last connection stays present; the inboxes' defaults */
    public CometdPushSettings(Duration presenceGrace) {
        this(presenceGrace, null, null, null, null);
    }

    /** @return the session inboxes' settings, with their defaults */
    public InboxSettings inbox() {
        return new InboxSettings(inboxMaxAge, inboxMaxMessages, inboxPerApplication, inboxWriteDelay);
    }
}
