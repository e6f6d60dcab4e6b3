package org.thywill.kernel.settings;

import java.time.Duration;
import java.util.List;
import org.thywill.api.ServerSettings;
import org.thywill.api.SettingsException;

/**
 * The {@code server} section as the kernel binds it: the {@link ServerSettings} components see, plus what only the
 * kernel uses (shutdown and the metrics endpoint).
 *
 * @param host the address to bind, as in {@link ServerSettings}
 * @param port the TCP port, as in {@link ServerSettings}
 * @param shutdownTimeout the longest a stop on SIGTERM (or {@code close()}) may take before the process ends anyway
 * @param metrics whether {@code GET /thywill/metrics} is served
 * @param admin whether the applications that ask for the server's view run (the admin console, at
 *     {@code /thywill/admin/}); default false
 * @param adminToken the token an operator types to use the admin console; required when {@code admin} is true
 * @param trustedProxies the reverse proxies whose forwarded headers are believed, as in {@link ServerSettings}
 */
public record KernelServerSettings(String host, Integer port, Duration shutdownTimeout, Boolean metrics,
                                   Boolean admin, String adminToken, List<String> trustedProxies) {

    /** The shortest token accepted: a guessable one would hand the server to whoever guesses it. */
    public static final int MIN_TOKEN_LENGTH = 12;

    /** Applies defaults and validates. */
    public KernelServerSettings {
        ServerSettings server = new ServerSettings(host, port, trustedProxies);
        host = server.host();
        port = server.port();
        trustedProxies = server.trustedProxies();
        shutdownTimeout = shutdownTimeout == null ? Duration.ofSeconds(30) : shutdownTimeout;
        SettingsException.require(shutdownTimeout.compareTo(Duration.ofSeconds(1)) >= 0, "shutdownTimeout",
                "must be at least 1s, not " + shutdownTimeout.toMillis() + "ms");
        metrics = metrics == null ? Boolean.TRUE : metrics;
        admin = admin != null && admin;
        adminToken = adminToken == null ? "" : adminToken;
        SettingsException.require(!admin || !adminToken.isBlank(), "adminToken", "must be set when 'server.admin'"
                + " is true: the admin console is never served without a token. Set 'server.adminToken' (or"
                + " THYWILL_SERVER_ADMIN_TOKEN) to a secret of at least " + MIN_TOKEN_LENGTH + " characters, or"
                + " set 'server.admin' to false");
        SettingsException.require(!admin || adminToken.strip().length() >= MIN_TOKEN_LENGTH, "adminToken",
                "must be at least " + MIN_TOKEN_LENGTH + " characters long, so that it cannot be guessed");
    }

    /**
     * The settings as programs written before the admin console built them: the console off.
     *
     * @param host as above
     * @param port as above
     * @param shutdownTimeout as above
     * @param metrics as above
     */
    public KernelServerSettings(String host, Integer port, Duration shutdownTimeout, Boolean metrics) {
        this(host, port, shutdownTimeout, metrics, null, null, null);
    }

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
        return "KernelServerSettings[host=" + host + ", port=" + port + ", shutdownTimeout=" + shutdownTimeout
                + ", metrics=" + metrics + ", admin=" + admin + ", adminToken=" + (adminToken.isEmpty() ? "" : "***")
                + ", trustedProxies=" + trustedProxies + "]";
    }

    /** @return what components see of this section */
    public ServerSettings server() {
        return new ServerSettings(host, port, trustedProxies);
    }
}
