package org.thywill.application.loader;

import java.time.Duration;
import java.util.List;

/**
 * The {@code application} section for implementation {@code classpath}, which runs the applications found on the
 * server's own class path (tests and embedding programs use it).
 *
 * @param enabled the ids of the applications to run, the default one first; empty (the default) runs every
 *                application found, sorted by id
 * @param rpcTimeout the longest a remote call may take before its caller is answered {@code timed-out}; default
 *                   30s, at least 100ms
 */
public record ClasspathApplicationsSettings(List<String> enabled, Duration rpcTimeout) {

    /** Applies defaults and validates. */
    public ClasspathApplicationsSettings {
        enabled = enabled == null ? List.of() : List.copyOf(enabled);
        rpcTimeout = RpcTimeout.orDefault(rpcTimeout);
    }

    /**
     * The settings with the default {@code rpcTimeout}, as programs written before it existed build them.
     *
     * @param enabled as above
     */
    public ClasspathApplicationsSettings(List<String> enabled) {
        this(enabled, null);
    }
}
