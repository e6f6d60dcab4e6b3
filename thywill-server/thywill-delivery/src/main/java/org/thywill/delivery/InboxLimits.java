package org.thywill.delivery;

import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * One application's inbox limits, overriding {@code inboxMaxAge} and {@code inboxMaxMessages} of the
 * Push's section; a limit left out keeps the section's value.
 *
 * @param maxAge how long a message to a session waits for its acknowledgement
 * @param maxMessages the most unacknowledged messages kept per session
 */
public record InboxLimits(Duration maxAge, Integer maxMessages) {

    /** Validates. */
    public InboxLimits {
        SettingsException.require(maxAge == null || maxAge.toMillis() >= 100, "inboxPerApplication",
                "maxAge must be at least 100ms");
        SettingsException.require(maxMessages == null || maxMessages >= 1, "inboxPerApplication",
                "maxMessages must be at least 1");
    }

    /** @return these limits, with what they leave out taken from the defaults */
    InboxLimits or(InboxLimits defaults) {
        return new InboxLimits(maxAge != null ? maxAge : defaults.maxAge(),
                maxMessages != null ? maxMessages : defaults.maxMessages());
    }
}
