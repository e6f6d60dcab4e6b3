package org.thywill.application.loader;

import java.time.Duration;
import org.thywill.api.SettingsException;

/** The {@code rpcTimeout} setting, which both implementations share: its default and its validation in one place. */
final class RpcTimeout {

    /** The default: long enough for a slow database query, short enough that a stuck call is noticed. */
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private RpcTimeout() {
    }

    /**
     * @param value the setting, or null
     * @return it, or the default when null
     * @throws SettingsException when it is shorter than 100ms
     */
    static Duration orDefault(Duration value) {
        Duration timeout = value == null ? DEFAULT : value;
        SettingsException.require(timeout.toMillis() >= 100, "rpcTimeout", "must be at least 100ms, such as 30s");
        return timeout;
    }
}
