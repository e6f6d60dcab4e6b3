package org.thywill.application.loader;

import java.time.Duration;
import java.util.List;
import org.thywill.api.SettingsException;

/**
 * The {@code application} section for implementation {@code jar}.
 *
 * @param folder the folder holding application jars, relative to Thywill's home; default {@code apps}
 * @param enabled the ids of the applications to run, the default one first; empty (the default) runs every
 *                application found, sorted by id
 * @param watch deploy jars added to the folder, redeploy those replaced and undeploy those removed while the
 *              server runs; default true
 * @param scanInterval how often the folder is scanned when watching; default 2s, at least 250ms
 * @param rpcTimeout the longest a remote call may take before its caller is answered {@code timed-out}; default
 *                   30s, at least 100ms
 */
public record JarApplicationsSettings(String folder, List<String> enabled, Boolean watch, Duration scanInterval,
                                      Duration rpcTimeout) {

    /** Applies defaults and validates. */
    public JarApplicationsSettings {
        folder = folder == null ? "apps" : folder;
        enabled = enabled == null ? List.of() : List.copyOf(enabled);
        watch = watch == null || watch;
        scanInterval = scanInterval == null ? Duration.ofSeconds(2) : scanInterval;
        rpcTimeout = RpcTimeout.orDefault(rpcTimeout);
        SettingsException.require(!folder.isBlank(), "folder", "must name a folder, such as apps");
        SettingsException.require(!scanInterval.isNegative() && scanInterval.toMillis() >= 250, "scanInterval",
                "must be at least 250ms");
    }

    /**
     * The settings with the default {@code rpcTimeout}, as programs written before it existed build them.
     *
     * @param folder as above
     * @param enabled as above
     * @param watch as above
     * @param scanInterval as above
     */
    public JarApplicationsSettings(String folder, List<String> enabled, Boolean watch, Duration scanInterval) {
        this(folder, enabled, watch, scanInterval, null);
    }
}
