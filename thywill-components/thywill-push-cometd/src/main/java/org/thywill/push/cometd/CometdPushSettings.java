package org.thywill.push.cometd;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * The {@code push} section for implementation {@code cometd}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code presenceGrace}</td><td>{@code 5s}</td><td>How long a session whose last connection to an
 *   application ended still counts as present in that application's channels, so that a page reload or a short
 *   network cut is not reported as a leave; {@code 0s} reports a leave at once.</td></tr>
 * </table>
 *
 * @param presenceGrace how long a session that lost its last connection stays present; default 5s
 */
public record CometdPushSettings(Duration presenceGrace) {

    /** The grace period unless {@code presenceGrace} says otherwise. */
    public static final Duration DEFAULT_PRESENCE_GRACE = Duration.ofSeconds(5);

    /** Applies defaults and validates. */
    public CometdPushSettings {
        if (presenceGrace == null) {
            presenceGrace = DEFAULT_PRESENCE_GRACE;
        }
        SettingsException.require(!presenceGrace.isNegative(), "presenceGrace",
                "must be at least 0s, not " + presenceGrace.toMillis() + "ms");
    }
}
